/** Documentation of one stack configuration key; docs/configuration.md's table is generated from these. */
export interface ConfigKeyDoc {
    /** Key without the namespace, e.g. `logRetentionDays` (set as `trailwatch:logRetentionDays`). */
    key: string;
    /** Type as a user writes it in `stacks/Pulumi.<stack>.yaml`, e.g. `number`, `string[]`, `object`. */
    type: string;
    /** Default when the key is absent, as text. */
    default: string;
    /** What the key decides, in one or two sentences. */
    description: string;
    /** True when the key must be set with `pulumi config set --secret`. */
    secret?: boolean;
}

/**
 * The longest JSON text of one structured value (a map or list). A stack holds at most 100 rules
 * (CloudWatch Logs quotas: 100 metric filters per log group), each at most a 1024-character
 * pattern and some prose: about 250 KB.
 */
export const MAX_STRUCTURED_VALUE_CHARS = 512 * 1024;

/** One problem with the stack configuration, naming the key. */
export interface StackConfigProblem {
    /** The full key, e.g. `trailwatch:logRetentionDays` or `trailwatch:dataEvents.lambdaFunctionArns[0]`. */
    key: string;
    /** What is wrong and what is accepted. */
    message: string;
}

/**
 * A secret the stack requires but its file does not hold (CI or each user sets it with `pulumi config set --secret`).
 * Only offline tools, which never decrypt secrets, go on without it; the program under the Pulumi CLI stops.
 */
export interface MissingSecret {
    /** The full key, e.g. `trailwatch:opsgenieApiKey`. */
    key: string;
    /** Why the stack requires it and how to set it. */
    message: string;
}

/** Options of {@link StackConfigReader}. */
export interface StackConfigReaderOptions {
    /**
     * Record a required secret that is not set as a {@link MissingSecret} instead of a problem, and read it as
     * `missingSecretValue`: for offline tools that never see secret values anyway.
     * @default false: a required secret that is not set is a problem, as under `pulumi up`
     */
    deferMissingSecrets?: boolean;
}

/** What {@link StackConfigReader.requiredSecret} reads for a deferred secret: never a real value. */
export const missingSecretValue = "[secret: not set]";

/** Thrown when the stack configuration is invalid, before any resource is registered. Lists every problem. */
export class StackConfigError extends Error {
    constructor(public readonly problems: StackConfigProblem[]) {
        super(`invalid stack configuration:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join("\n")}`);
        this.name = "StackConfigError";
    }
}

/**
 * Reads typed values of the project's namespace out of the flat configuration map Pulumi hands a program
 * (`{"trailwatch:logRetentionDays": "365", ...}`; structured values arrive as JSON text). Problems are collected,
 * not thrown one at a time, so a user sees every mistake in one run; {@link finish} throws them all.
 */
export class StackConfigReader {
    private readonly problems: StackConfigProblem[] = [];
    private readonly known = new Set<string>();
    /** Keys set as secrets that are not secrets of the stack: reported once, and no other problem quotes them. */
    private readonly refusedSecrets = new Set<string>();
    /** The credentials read ({@link requiredSecret}): no problem quotes them, whichever key it is about. */
    private readonly credentials = new Set<string>();
    /** Required secrets that are not set, when reading with `deferMissingSecrets`. */
    readonly missingSecrets: MissingSecret[] = [];

    constructor(
        private readonly values: Readonly<Record<string, string>>,
        private readonly secretKeys: ReadonlySet<string>,
        /** The project's namespace, `trailwatch`. */
        public readonly namespace: string,
        private readonly options: StackConfigReaderOptions = {},
    ) {}

    /** The full key of `key`, as users set it. */
    fullKey(key: string): string {
        return `${this.namespace}:${key}`;
    }

    /** Records a problem with `key` (a key of the namespace, may carry a path such as `a.b[0]`). */
    fail(key: string, message: string): void {
        // A problem with the value of a key refused as a secret would quote it (its plaintext, under `pulumi up`).
        if (this.refusedSecrets.has(key.split(/[.[]/)[0])) return;
        this.problems.push({ key: this.fullKey(key), message });
    }

    /** True when the key was set in the stack configuration. */
    has(key: string): boolean {
        this.known.add(key);
        return this.values[this.fullKey(key)] !== undefined;
    }

    /** True when the key was set as a secret (`pulumi config set --secret`). */
    isSecret(key: string): boolean {
        return this.secretKeys.has(this.fullKey(key));
    }

    /**
     * A key that must be set, and set as a secret (`pulumi config set --secret`), because `requiredWhen` (e.g.
     * "when trailwatch:opsgenieEnabled is true"). A plain value is a problem (it has been exposed: `exposedAdvice`
     * says what to replace); a missing one is a problem, or with `deferMissingSecrets` a {@link MissingSecret}.
     */
    requiredSecret(key: string, requiredWhen: string, exposedAdvice: string): string | undefined {
        // No value on the command line: Pulumi prompts for it, so it stays out of the shell history.
        const hint = `pulumi config set --secret ${this.fullKey(key)}`;
        if (!this.has(key)) {
            if (this.options.deferMissingSecrets) {
                this.missingSecrets.push({
                    key: this.fullKey(key),
                    message: `is not set: \`pulumi up\` will require it (${requiredWhen}); set it with \`${hint}\``,
                });
                return missingSecretValue;
            }
            this.fail(key, `is required ${requiredWhen}; set it with \`${hint}\``);
            return undefined;
        }
        const value = this.values[this.fullKey(key)];
        // Under 8 characters it is no real credential, and masking it would garble other words of the messages.
        if (value.trim().length >= 8) this.credentials.add(value.trim());
        if (!this.isSecret(key)) {
            this.fail(
                key,
                `is in plain text in the stack configuration; set it with \`${hint}\`, and ${exposedAdvice}: it has been exposed`,
            );
        } else if (value.trim() === "") {
            this.fail(key, "is empty");
        }
        return value;
    }

    /** A value of another namespace, e.g. `aws:region`; not checked against the known keys. */
    foreign(fullKey: string): string | undefined {
        return this.values[fullKey];
    }

    string(key: string, fallback: string): string;
    string(key: string): string | undefined;
    string(key: string, fallback?: string): string | undefined {
        if (!this.has(key)) return fallback;
        return this.plainValue(key);
    }

    /**
     * The value of a key that is not a secret of the stack. One set as a secret (`pulumi config set --secret`, or a
     * map or list with a `secure:` value inside) is a problem: the program reads configuration as plain text
     * (`pulumi.runtime.allConfig()`), so its value would reach resource inputs and stack state unencrypted ("If you
     * read the object via require_object, the object will be deserialized and available to the program with
     * plaintext values ... passing it as an input to any resource will likely result in the value being stored in the
     * state unencrypted", pulumi/pulumi#7127), and these values become names, tags, patterns and settings that AWS,
     * Opsgenie and JSM show anyway. Only the credentials are secrets ({@link requiredSecret}).
     */
    private plainValue(key: string): string {
        if (this.isSecret(key) && !this.refusedSecrets.has(key)) {
            this.problems.push({
                key: this.fullKey(key),
                message: `is set as a secret, but it is not one: trailwatch writes it into resource names and settings, which Pulumi stores (and AWS shows) in plain text, so it would not stay secret; set it in plain text (\`pulumi config set ${this.fullKey(key)} <value>\`, or a plain map or list in the stack file)`,
            });
            this.refusedSecrets.add(key);
        }
        return this.values[this.fullKey(key)];
    }

    number(key: string, fallback: number): number;
    number(key: string): number | undefined;
    number(key: string, fallback?: number): number | undefined {
        if (!this.has(key)) return fallback;
        const text = this.plainValue(key).trim();
        const value = Number(text);
        if (text === "" || !Number.isFinite(value)) {
            this.fail(key, `"${text}" is not a number`);
            return fallback;
        }
        return value;
    }

    boolean(key: string, fallback: boolean): boolean {
        if (!this.has(key)) return fallback;
        const text = this.plainValue(key).trim();
        if (text === "true") return true;
        if (text === "false") return false;
        this.fail(key, `"${text}" is not a boolean; use true or false`);
        return fallback;
    }

    /** A structured value (a YAML map or list in the stack file), parsed from its JSON text. */
    json(key: string): unknown {
        if (!this.has(key)) return undefined;
        const text = this.plainValue(key);
        if (text.length > MAX_STRUCTURED_VALUE_CHARS) {
            // Refused before parsing: 500,000 custom rules are 50 MB of JSON, seconds to parse alone.
            this.fail(
                key,
                `is ${Math.ceil(text.length / 1024).toLocaleString("en-US")} KB; a structured value may be at most ${MAX_STRUCTURED_VALUE_CHARS / 1024} KB (the largest a stack needs, 100 custom rules, the most CloudWatch Logs allows per log group, takes about 250 KB)`,
            );
            return undefined;
        }
        try {
            return JSON.parse(text);
        } catch {
            this.fail(key, "is not a structured value; write it as a YAML map or list in the stack file");
            return undefined;
        }
    }

    /** A list of strings; each element must be a string. */
    stringList(key: string): string[] | undefined {
        const value = this.json(key);
        if (value === undefined) return undefined;
        return this.asStringList(key, value);
    }

    /** Checks a value read from a structured key is a list of strings, naming the bad element. */
    asStringList(key: string, value: unknown): string[] | undefined {
        if (!Array.isArray(value)) {
            this.fail(key, "must be a list of strings");
            return undefined;
        }
        const bad = value.findIndex((v) => typeof v !== "string");
        if (bad >= 0) {
            this.fail(`${key}[${bad}]`, `${JSON.stringify(value[bad])} is not a string`);
            return undefined;
        }
        return value as string[];
    }

    /** A map whose keys must be among `allowed`; unknown keys are reported with the accepted ones. */
    object(key: string, allowed: readonly string[]): Record<string, unknown> | undefined {
        const value = this.json(key);
        if (value === undefined) return undefined;
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
            this.fail(key, `must be a map with the keys ${allowed.join(", ")}`);
            return undefined;
        }
        for (const k of Object.keys(value)) {
            if (!allowed.includes(k)) this.fail(`${key}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
        }
        return value as Record<string, unknown>;
    }

    /** Throws every problem found, plus keys of the namespace nobody read (typos such as `logRetentionDay`). */
    finish(): void {
        const prefix = `${this.namespace}:`;
        for (const fullKey of Object.keys(this.values).sort()) {
            if (!fullKey.startsWith(prefix)) continue;
            const key = fullKey.slice(prefix.length);
            if (!this.known.has(key)) {
                this.problems.push({
                    key: fullKey,
                    message: `unknown key; known keys: ${[...this.known].sort().join(", ")}`,
                });
            }
        }
        if (this.problems.length > 0) throw new StackConfigError(this.problems.map((p) => this.masked(p)));
    }

    /**
     * The problem with every credential replaced by `[secret]`, as the Pulumi engine masks secret config values in
     * what it prints (pulumi/pulumi pkg/engine/events.go, `makeEventEmitter`: `logging.AddGlobalFilter(
     * logging.CreateFilter(secrets, "[secret]"))`): a key that quotes its own value (a YAML alias of the key, the key
     * pasted into the wrong setting) must not print the credential, which the offline tools read as it is when the
     * stack file holds it in plain text.
     */
    private masked(problem: StackConfigProblem): StackConfigProblem {
        let message = problem.message;
        for (const credential of this.credentials) message = message.split(credential).join("[secret]");
        return { key: problem.key, message };
    }
}
