import { FilterTermAst, TermPatternAst } from "./ast";
import { compileFilterRegex } from "./filterRegex";

/*
 * Term semantics (syntax page and its 2018–2021 revisions): a term matches as a case-sensitive
 * substring (`ERROR` matches "Exiting with ERRORCODE: -1"); all plain terms must appear; no -term may
 * appear; ?terms are alternatives, but "If you combine "?" with other filter patterns, all question
 * mark terms will be ignored"; `" "` and the empty pattern match every event.
 */

function compileTerm(term: FilterTermAst): (text: string) => boolean {
    if (term.value.type === "regex") {
        const re = compileFilterRegex(term.value.source, term.value.position - 1);
        return (text) => re.test(text);
    }
    const phrase = term.value.text;
    // "You can match everything in your log events with double quotation marks": `" "`, `""`.
    if (phrase.trim() === "") return () => true;
    return (text) => text.includes(phrase);
}

/** Compiles a term pattern into a test of the event's message text. */
export function compileTermPattern(ast: TermPatternAst): (text: string) => boolean {
    const required = ast.terms.filter((t) => t.mode === "include").map(compileTerm);
    const excluded = ast.terms.filter((t) => t.mode === "exclude").map(compileTerm);
    const optional = ast.terms.filter((t) => t.mode === "optional").map(compileTerm);
    if (required.length === 0 && excluded.length === 0) {
        if (optional.length === 0) return () => true;
        return (text) => {
            for (let i = 0; i < optional.length; i++) if (optional[i](text)) return true;
            return false;
        };
    }
    if (required.length === 1 && excluded.length === 0) return required[0];
    return (text) => {
        for (let i = 0; i < required.length; i++) if (!required[i](text)) return false;
        for (let i = 0; i < excluded.length; i++) if (excluded[i](text)) return false;
        return true;
    };
}
