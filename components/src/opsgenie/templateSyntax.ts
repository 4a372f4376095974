/** A parsed Opsgenie template: static text and `{{field.method(…)…}}` expressions, with their offsets. */
export interface OpsgenieTemplate {
    /** The template text as written. */
    text: string;
    /** The template's parts, in order. */
    parts: TemplatePart[];
}

/** A part of a template. */
export type TemplatePart = TemplateText | TemplateExpression;

/** Static text, copied to the output as it is. */
export interface TemplateText {
    kind: "text";
    text: string;
    /** 0-based offset in the template. */
    offset: number;
}

/** `{{ field.method(args).method(args) }}`: a field of the notification passed through string methods. */
export interface TemplateExpression {
    kind: "expression";
    /** The expression as written, braces included. */
    source: string;
    /** 0-based offset of the opening `{{`. */
    offset: number;
    /** The notification field, e.g. `Message`. */
    field: string;
    /** 0-based offset of the field name. */
    fieldOffset: number;
    /** Methods applied left to right. */
    calls: MethodCall[];
}

/** One `.method(args)` of an expression. */
export interface MethodCall {
    method: string;
    /** 0-based offset of the method name. */
    offset: number;
    args: TemplateArgument[];
}

/** A method argument: a double-quoted string, an integer, or a regular expression written `/…/`. */
export type TemplateArgument =
    | { kind: "string"; value: string; offset: number }
    | { kind: "integer"; value: number; offset: number }
    | { kind: "regex"; source: string; regex: RegExp; offset: number };

/** A note about a rendering that succeeded but may not show what the template's author meant. */
export interface TemplateWarning {
    /** 0-based offset of the method call (or field) it concerns. */
    offset: number;
    /** 1-based line. */
    line: number;
    /** 1-based column. */
    column: number;
    /** What happened, e.g. `extract(/…/) matched nothing: rendered as empty text`. */
    message: string;
}
