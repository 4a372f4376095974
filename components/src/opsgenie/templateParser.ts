import { snsNotificationFieldNames } from "./snsNotification";
import { stringMethods } from "./stringMethods";
import { OpsgenieTemplateError } from "./templateError";
import { MethodCall, OpsgenieTemplate, TemplateArgument, TemplateExpression, TemplatePart } from "./templateSyntax";

/**
 * Java regular-expression escapes that JavaScript reads differently (`\A` is the start of input in Java and the
 * letter A in JavaScript): refused, so a preview never silently disagrees with Opsgenie ("Java-like" regular
 * expressions). Java-only syntax JavaScript cannot parse at all (possessive quantifiers `a*+`, atomic groups
 * `(?>…)`, inline flags `(?i)`) is refused by the JavaScript parser itself.
 */
const javaOnlyEscapes = "AZzGQEhHRXpPvea";

/**
 * Parses an Opsgenie template: static text with `{{field}}` expressions, each field optionally passed through
 * chained string methods, e.g. `{{ Message.extract(/"Region":"([^"]*)"/).toUpperCase() }}`. Fields are those of an
 * Amazon SNS notification (see `snsNotificationFieldNames`); methods those Opsgenie documents (see
 * `stringMethods`). Throws {@link OpsgenieTemplateError} with the line and column of the first problem.
 */
export function parseOpsgenieTemplate(text: string): OpsgenieTemplate {
    return new TemplateParser(text).parse();
}

class TemplateParser {
    private pos = 0;

    constructor(private readonly text: string) {}

    parse(): OpsgenieTemplate {
        const parts: TemplatePart[] = [];
        while (this.pos < this.text.length) {
            const open = this.text.indexOf("{{", this.pos);
            if (open < 0) {
                parts.push({ kind: "text", text: this.text.slice(this.pos), offset: this.pos });
                break;
            }
            if (open > this.pos) parts.push({ kind: "text", text: this.text.slice(this.pos, open), offset: this.pos });
            parts.push(this.expression(open));
        }
        return { text: this.text, parts };
    }

    private fail(offset: number, reason: string): never {
        throw new OpsgenieTemplateError(this.text, offset, reason);
    }

    private skipSpace(): void {
        while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
    }

    private identifier(): string | undefined {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
        if (m === null) return undefined;
        this.pos += m[0].length;
        return m[0];
    }

    private expect(char: string, what: string): void {
        this.skipSpace();
        if (this.pos >= this.text.length)
            this.fail(this.pos, `expected ${char} ${what}, found the end of the template`);
        if (this.text[this.pos] !== char)
            this.fail(this.pos, `expected ${char} ${what}, found "${this.text[this.pos]}"`);
        this.pos++;
    }

    private expression(open: number): TemplateExpression {
        const close = this.text.indexOf("}}", open + 2);
        if (close < 0) this.fail(open, "{{ is never closed with }}");
        this.pos = open + 2;
        this.skipSpace();
        const fieldOffset = this.pos;
        const field = this.identifier();
        if (field === undefined) {
            this.fail(
                fieldOffset,
                this.text.startsWith("}}", fieldOffset)
                    ? "empty {{ }}: expected a field name"
                    : `expected a field name after {{, found "${this.text[fieldOffset]}"`,
            );
        }
        if (!(snsNotificationFieldNames as readonly string[]).includes(field)) {
            const sameLetters = snsNotificationFieldNames.find((f) => f.toLowerCase() === field.toLowerCase());
            this.fail(
                fieldOffset,
                `unknown field "${field}"` +
                    (sameLetters !== undefined ? ` (did you mean "${sameLetters}"? names are case-sensitive)` : "") +
                    `; fields of an Amazon SNS notification: ${snsNotificationFieldNames.join(", ")}`,
            );
        }
        const calls: MethodCall[] = [];
        for (;;) {
            this.skipSpace();
            if (this.text.startsWith("}}", this.pos)) break;
            if (this.text[this.pos] !== ".") {
                this.fail(this.pos, `expected . followed by a method, or }}, found "${this.text[this.pos]}"`);
            }
            this.pos++;
            this.skipSpace();
            calls.push(this.call());
        }
        this.pos += 2;
        return { kind: "expression", source: this.text.slice(open, this.pos), offset: open, field, fieldOffset, calls };
    }

    private call(): MethodCall {
        const offset = this.pos;
        const name = this.identifier();
        if (name === undefined) this.fail(offset, "expected a method name after .");
        const method = stringMethods.get(name);
        if (method === undefined) {
            this.fail(offset, `unknown method "${name}"; methods: ${[...stringMethods.keys()].join(", ")}`);
        }
        this.expect("(", `after ${name}`);
        const args: TemplateArgument[] = [];
        this.skipSpace();
        if (this.text[this.pos] === ")") {
            this.pos++;
        } else {
            for (;;) {
                this.skipSpace();
                args.push(this.argument(name));
                this.skipSpace();
                if (this.text[this.pos] === ",") {
                    this.pos++;
                    continue;
                }
                this.expect(")", `or , in the arguments of ${name}`);
                break;
            }
        }
        const required = method.params.length - method.optional;
        if (args.length < required || args.length > method.params.length) {
            const count =
                method.optional === 0
                    ? `${required} argument${required === 1 ? "" : "s"}`
                    : `${required === 0 ? "no" : required} to ${method.params.length} arguments`;
            this.fail(offset, `${method.signature} takes ${count}, given ${args.length}`);
        }
        args.forEach((arg, i) => {
            if (arg.kind !== method.params[i]) {
                const kinds = { string: 'a "string"', integer: "an integer", regex: "a /regular expression/" };
                this.fail(
                    arg.offset,
                    `${method.signature}: argument ${i + 1} must be ${kinds[method.params[i]]}, not ${kinds[arg.kind]}`,
                );
            }
        });
        const problem = method.check?.(args);
        if (problem !== undefined) {
            // +1: past the opening quote; exact unless the string has escapes before the problem.
            this.fail(args[problem.arg].offset + 1 + problem.index, `${method.signature}: ${problem.reason}`);
        }
        return { method: name, offset, args };
    }

    private argument(method: string): TemplateArgument {
        const offset = this.pos;
        const c = this.text[this.pos];
        if (c === '"') return this.stringLiteral();
        if (c === "/") return this.regexLiteral();
        const int = /^-?\d+/.exec(this.text.slice(this.pos));
        if (int !== null) {
            this.pos += int[0].length;
            return { kind: "integer", value: Number(int[0]), offset };
        }
        if (c === "'") this.fail(offset, 'strings are written in double quotes: "text"');
        if (c === undefined) this.fail(offset, `the arguments of ${method} are never closed with )`);
        return this.fail(offset, `expected an argument of ${method} ("text", a number or /regex/), found "${c}"`);
    }

    private stringLiteral(): TemplateArgument {
        const offset = this.pos;
        let value = "";
        this.pos++;
        for (;;) {
            if (this.pos >= this.text.length) this.fail(offset, "string is never closed with a double quote");
            const c = this.text[this.pos];
            if (c === '"') break;
            // \" and \\ stand for themselves; any other backslash is kept as written.
            if (c === "\\" && (this.text[this.pos + 1] === '"' || this.text[this.pos + 1] === "\\")) {
                value += this.text[this.pos + 1];
                this.pos += 2;
                continue;
            }
            value += c;
            this.pos++;
        }
        this.pos++;
        return { kind: "string", value, offset };
    }

    private regexLiteral(): TemplateArgument {
        const offset = this.pos;
        let inClass = false;
        let i = this.pos + 1;
        for (;;) {
            if (i >= this.text.length) this.fail(offset, "regular expression is never closed with /");
            const c = this.text[i];
            if (c === "\\") {
                if (javaOnlyEscapes.includes(this.text[i + 1] ?? "")) {
                    this.fail(
                        i,
                        `\\${this.text[i + 1]} means something else in Java than in JavaScript; the preview cannot evaluate it faithfully`,
                    );
                }
                i += 2;
                continue;
            }
            if (c === "[") inClass = true;
            else if (c === "]") inClass = false;
            else if (c === "/" && !inClass) break;
            i++;
        }
        const source = this.text.slice(offset + 1, i);
        this.pos = i + 1;
        if (source === "") this.fail(offset, "empty regular expression //");
        if (/[A-Za-z]/.test(this.text[this.pos] ?? "")) {
            this.fail(this.pos, "regular expression flags are not supported after the closing /");
        }
        let regex: RegExp;
        try {
            regex = new RegExp(source);
        } catch (err) {
            const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/: /, "");
            return this.fail(offset, `invalid regular expression /${source}/: ${reason}`);
        }
        return { kind: "regex", source, regex, offset };
    }
}
