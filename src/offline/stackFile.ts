import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { MissingSecret, findMissingSecrets } from "../config";
import { StackSecretProblem, stackSecretProblems } from "./stackSecrets";
import { describeYamlError } from "./yamlErrorExcerpt";

/** The project name, as `Pulumi.yaml` declares it. */
export const projectName = "trailwatch";

/** A stack's configuration as the Pulumi CLI hands it to a program: a flat map of text values. */
export interface StackFileConfig {
    /** `{"aws:region": "eu-west-1", "trailwatch:logRetentionDays": "365", ...}`; structured values as JSON. */
    values: Record<string, string>;
    /** Keys whose value is `secure:` in the stack file; their values here are {@link secretPlaceholder}. */
    secretKeys: Set<string>;
    /**
     * Secrets the stack requires that the file does not hold (CI or each user sets them with `pulumi config set
     * --secret`). Offline, each is present in `values` as {@link secretPlaceholder} and in `secretKeys`, so the
     * program runs as it would with the secret set; `pulumi up` would stop on them, naming the key.
     * @default none
     */
    missingSecrets?: MissingSecret[];
    /**
     * `secure:` values that no Pulumi secrets manager could decrypt (see `stackSecretProblems`): `pulumi preview`
     * would stop on them with "failed to decrypt config".
     * @default none
     */
    secretProblems?: StackSecretProblem[];
}

/**
 * Stands in for the value of a `secure:` key. The offline check never decrypts secrets (it has no passphrase or
 * Pulumi Cloud access, and must never print them); the program sees this text wrapped as a Pulumi secret.
 */
export const secretPlaceholder = "[secret]";

/** Stands in for a value unknown until deployment (in a preview). */
export const unknownPlaceholder = "[unknown]";

/**
 * The largest stack file read. A stack holds at most 100 rules (CloudWatch Logs quotas: 100 metric
 * filters per log group), each at most a 1024-character pattern and some prose: about 250 KB. A
 * 56 MB file of 500,000 rules took the YAML parser 400 s and 4 GB; refusing it by size takes none.
 */
export const MAX_STACK_FILE_BYTES = 512 * 1024;

/** Thrown when a stack file is missing or is not a Pulumi stack configuration file. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** The stacks that have a `stacks/Pulumi.<stack>.yaml` file in the project. */
export function listStacks(projectDir: string): string[] {
    const dir = path.join(projectDir, "stacks");
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Path of a stack's configuration file (the project's `Pulumi.yaml` sets `stackConfigDir: stacks`). */
export function stackFilePath(projectDir: string, stack: string): string {
    return path.join(projectDir, "stacks", `Pulumi.${stack}.yaml`);
}

/** Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI would pass it to the program. */
export function readStackFile(projectDir: string, stack: string): StackFileConfig {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack) || stack.startsWith(".")) {
        throw new StackFileError(`"${stack}" is not a stack name (letters, digits, '_', '.', '-')`);
    }
    const file = stackFilePath(projectDir, stack);
    let text: string;
    try {
        const size = fs.statSync(file).size;
        if (size > MAX_STACK_FILE_BYTES) {
            throw new StackFileError(
                `${path.relative(projectDir, file)}: ${Math.ceil(size / 1024)} KB; a stack file may be at most ${MAX_STACK_FILE_BYTES / 1024} KB (a stack of 100 rules, the most CloudWatch Logs allows per log group, takes about 250 KB)`,
            );
        }
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        if (err instanceof StackFileError) throw err;
        const known = listStacks(projectDir);
        throw new StackFileError(
            `no stack "${stack}": ${path.relative(projectDir, file)} does not exist` +
                (known.length > 0 ? `; stacks: ${known.join(", ")}` : ""),
        );
    }
    let doc: unknown;
    try {
        doc = parseYaml(text);
    } catch (err) {
        // Never the library's own excerpt: it would print a secret on the offending line.
        throw new StackFileError(`${path.relative(projectDir, file)}: ${describeYamlError(text, err as Error)}`);
    }
    const config = (doc as { config?: unknown } | null)?.config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new StackFileError(`${path.relative(projectDir, file)}: "config" must be a map`);
    }
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    for (const [key, value] of Object.entries(config)) {
        const malformed = malformedSecure(value);
        if (malformed !== undefined) {
            throw new StackFileError(`${path.relative(projectDir, file)}: ${key}: ${malformed}`);
        }
        if (isSecure(value)) {
            values[key] = secretPlaceholder;
            secretKeys.add(key);
        } else {
            // JSON has no Infinity or NaN: JSON.stringify would turn `1e309` and `.nan` into "null",
            // and the error would then quote a value the user never wrote.
            values[key] =
                typeof value === "string"
                    ? value
                    : typeof value === "number" && !Number.isFinite(value)
                      ? String(value)
                      : JSON.stringify(value);
        }
    }
    // The offline tools never decrypt secrets, so a secret that is not set at all changes nothing they show: they go
    // on with the placeholder (which never leaves this process: no state, no cloud) and say `pulumi up` needs it.
    const missingSecrets = findMissingSecrets(values, secretKeys, stack);
    for (const missing of missingSecrets) {
        values[missing.key] = secretPlaceholder;
        secretKeys.add(missing.key);
    }
    return { values, secretKeys, missingSecrets, secretProblems: stackSecretProblems(doc) };
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value;
}

/**
 * Why a `secure:` value is not one Pulumi wrote (`pulumi config set --secret` writes a map whose
 * only key is `secure`, holding the ciphertext as a non-empty string), or undefined. Never quotes
 * the value: it is a secret, or part of one.
 */
function malformedSecure(value: unknown): string | undefined {
    if (!isSecure(value)) return undefined;
    const map = value as Record<string, unknown>;
    const expected = "set it again with `pulumi config set --secret`";
    const others = Object.keys(map).filter((k) => k !== "secure");
    if (others.length > 0) {
        return `a secure value is a map with the one key "secure"; this one also has ${others.map((k) => `"${k}"`).join(", ")}: ${expected}`;
    }
    const secure = map.secure;
    if (typeof secure !== "string") {
        const kind =
            secure === null
                ? "empty"
                : Array.isArray(secure)
                  ? "a list"
                  : typeof secure === "object"
                    ? "a map"
                    : `a ${typeof secure}`;
        return `"secure" must hold the ciphertext as text; it is ${kind}: ${expected}`;
    }
    if (secure.trim() === "") return `"secure" is empty: ${expected}`;
    return undefined;
}
