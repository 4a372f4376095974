import { createDecipheriv, pbkdf2Sync } from "crypto";

// Whether the `secure:` values of a stack file are ciphertexts some Pulumi secrets manager could decrypt, judged by
// the managers' own code in pulumi/pulumi (github.com/pulumi/pulumi):
// - which manager a stack file selects: pkg/cmd/pulumi/stack/secrets.go, `SecretsManagerLoader.GetSecretsManager`:
//   a `secretsprovider` other than "", "default" or "passphrase" is a cloud KMS manager; else an `encryptionsalt`
//   selects the passphrase manager; else the backend's default (Pulumi Cloud: the service manager; a DIY backend:
//   a passphrase manager with a NEW salt, which cannot decrypt anything already in the file).
// - the service manager (pkg/secrets/service/manager.go, `serviceCrypter.DecryptValue`) base64-decodes the value
//   (`base64.StdEncoding`) and sends the bytes to Pulumi Cloud: anything else fails with "illegal base64 data".
// - the passphrase manager (pkg/secrets/passphrase/manager.go) reads `encryptionsalt` as
//   `v1:<base64 salt>:<v1 ciphertext of "pulumi">`, derives the key with PBKDF2-HMAC-SHA256, 1,000,000 iterations,
//   32 bytes (sdk/go/common/resource/config/crypt.go, `NewSymmetricCrypterFromPassphrase`), and checks the
//   passphrase by decrypting "pulumi" back;
// - the passphrase and cloud KMS managers store each value as `v1:<base64 12-byte nonce>:<base64 AES-256-GCM
//   ciphertext with its 16-byte tag>` (crypt.go, `symmetricCrypter.DecryptValue`); the cloud managers also need the
//   wrapped data key in `encryptedkey` (pkg/secrets/cloud/manager.go).

/** One `secure:` value (or the file's secrets settings) that no secrets manager could decrypt. */
export interface StackSecretProblem {
    /** The config key (`trailwatch:opsgenieApiKey`, `a:b.c[0]` inside a structured value), or the file's field. */
    key: string;
    /** Why no manager could decrypt it. */
    message: string;
}

/** Options of {@link stackSecretProblems}. */
export interface StackSecretCheckOptions {
    /**
     * The stack's passphrase (`PULUMI_CONFIG_PASSPHRASE`). When given and the file uses the passphrase manager, each
     * value is really decrypted (the passphrase checked against the salt, each value's GCM tag verified).
     * @default none: values are only checked to be of the manager's format
     */
    passphrase?: string;
}

/** Byte lengths of AES-256-GCM as Go's `cipher.NewGCM` uses it: 12-byte nonce, 16-byte tag. */
const gcmNonceBytes = 12;
const gcmTagBytes = 16;

/** `base64.StdEncoding.DecodeString`'s alphabet and padding (Go skips `\r` and `\n`). */
function isStdBase64(text: string): boolean {
    return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text.replace(/[\r\n]/g, ""));
}

/** A value in the symmetric crypter's format, decoded; or why it is not one. */
function parseSymmetric(value: string): { nonce: Buffer; ciphertext: Buffer } | string {
    const parts = value.split(":");
    if (parts.length !== 3 || parts[0] !== "v1") return "is not of the form v1:<base64 nonce>:<base64 ciphertext>";
    if (!isStdBase64(parts[1]) || !isStdBase64(parts[2])) return "has a nonce or ciphertext that is not base64";
    const nonce = Buffer.from(parts[1], "base64");
    const ciphertext = Buffer.from(parts[2], "base64");
    if (nonce.length !== gcmNonceBytes) return `has a ${nonce.length}-byte nonce; AES-256-GCM uses ${gcmNonceBytes}`;
    if (ciphertext.length < gcmTagBytes) return `has a ciphertext shorter than the ${gcmTagBytes}-byte GCM tag`;
    return { nonce, ciphertext };
}

/** AES-256-GCM decryption as `symmetricCrypter.DecryptValue`; undefined when the tag does not authenticate. */
function decryptSymmetric(key: Buffer, nonce: Buffer, ciphertext: Buffer): string | undefined {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - gcmTagBytes));
    try {
        return Buffer.concat([
            decipher.update(ciphertext.subarray(0, ciphertext.length - gcmTagBytes)),
            decipher.final(),
        ]).toString("utf8");
    } catch {
        return undefined;
    }
}

/** The passphrase manager's key: PBKDF2-HMAC-SHA256, 1,000,000 iterations, 32 bytes (crypt.go). */
export function passphraseKey(passphrase: string, salt: Buffer): Buffer {
    return pbkdf2Sync(passphrase, salt, 1_000_000, 32, "sha256");
}

/**
 * The passphrase manager's state (`encryptionsalt`): the salt and the encrypted check message, or why it is
 * malformed. With a passphrase, also the key, or "incorrect passphrase" as Pulumi says it.
 */
export function parseEncryptionSalt(
    state: string,
    passphrase?: string,
): { salt: Buffer; key?: Buffer } | { problem: string } {
    const i = state.indexOf(":");
    const j = state.indexOf(":", i + 1);
    if (i < 0 || j < 0 || state.slice(0, i) !== "v1") {
        return { problem: "is not of the form v1:<base64 salt>:v1:<base64 nonce>:<base64 ciphertext>" };
    }
    const saltText = state.slice(i + 1, j);
    if (!isStdBase64(saltText)) return { problem: "has a salt that is not base64" };
    const salt = Buffer.from(saltText, "base64");
    const check = parseSymmetric(state.slice(j + 1));
    if (typeof check === "string") return { problem: `has a check message that ${check}` };
    if (passphrase === undefined) return { salt };
    const key = passphraseKey(passphrase, salt);
    if (decryptSymmetric(key, check.nonce, check.ciphertext) !== "pulumi") return { problem: "incorrect passphrase" };
    return { salt, key };
}

/** Every `secure:` value in a config tree, with its key as Pulumi paths name it (`a:b.c[0]`). */
function secureValues(config: Record<string, unknown>): { key: string; value: unknown }[] {
    const found: { key: string; value: unknown }[] = [];
    const walk = (node: unknown, key: string) => {
        if (Array.isArray(node)) {
            node.forEach((v, i) => walk(v, `${key}[${i}]`));
        } else if (typeof node === "object" && node !== null) {
            const entries = Object.entries(node);
            if (entries.length === 1 && entries[0][0] === "secure") found.push({ key, value: entries[0][1] });
            else for (const [k, v] of entries) walk(v, `${key}.${k}`);
        }
    };
    for (const [key, value] of Object.entries(config)) walk(value, key);
    return found;
}

/**
 * The `secure:` values of a parsed stack file (`Pulumi.<stack>.yaml`) that no Pulumi secrets manager could decrypt,
 * with the reason; `[]` when every value could be (or there is none). Without a passphrase this is the format
 * check of the manager the file selects; with one, passphrase-manager values are decrypted.
 */
export function stackSecretProblems(doc: unknown, options: StackSecretCheckOptions = {}): StackSecretProblem[] {
    const file = (typeof doc === "object" && doc !== null ? doc : {}) as Record<string, unknown>;
    const config = (typeof file.config === "object" && file.config !== null ? file.config : {}) as Record<
        string,
        unknown
    >;
    const values = secureValues(config);
    if (values.length === 0) return [];

    const problems: StackSecretProblem[] = [];
    const provider = typeof file.secretsprovider === "string" ? file.secretsprovider : "";
    const salt = typeof file.encryptionsalt === "string" ? file.encryptionsalt : undefined;
    const cloudKms = provider !== "" && provider !== "default" && provider !== "passphrase";

    let manager: "service" | "passphrase" | "cloud";
    let key: Buffer | undefined;
    if (cloudKms) {
        manager = "cloud";
        if (typeof file.encryptedkey !== "string" || file.encryptedkey === "") {
            problems.push({
                key: "encryptedkey",
                message: `is missing: the ${provider} secrets provider needs the wrapped data key its values were encrypted with`,
            });
        }
    } else if (salt !== undefined) {
        manager = "passphrase";
        const parsed = parseEncryptionSalt(salt, options.passphrase);
        if ("problem" in parsed) {
            problems.push({ key: "encryptionsalt", message: parsed.problem });
            return problems;
        }
        key = parsed.key;
    } else if (provider === "passphrase") {
        problems.push({
            key: "encryptionsalt",
            message:
                "is missing: the passphrase provider would derive a new key from a new salt, which cannot decrypt the values already in the file",
        });
        return problems;
    } else {
        manager = "service";
    }

    for (const { key: configKey, value } of values) {
        if (typeof value !== "string") {
            problems.push({ key: configKey, message: "has a secure value that is not text" });
            continue;
        }
        if (manager === "service") {
            if (!isStdBase64(value)) {
                const looksSymmetric = value.startsWith("v1:");
                problems.push({
                    key: configKey,
                    message:
                        "is not base64, so the Pulumi Cloud secrets manager (this file names no secretsprovider and has no encryptionsalt) cannot decrypt it (illegal base64 data)" +
                        (looksSymmetric
                            ? "; it has the passphrase provider's v1:<nonce>:<ciphertext> form, but the file has no encryptionsalt to derive that key from"
                            : ""),
                });
            }
            continue;
        }
        const parsed = parseSymmetric(value);
        if (typeof parsed === "string") {
            problems.push({ key: configKey, message: `${parsed}, the ${manager} provider's value format` });
        } else if (key !== undefined && decryptSymmetric(key, parsed.nonce, parsed.ciphertext) === undefined) {
            problems.push({
                key: configKey,
                message: "does not decrypt with the stack's passphrase (GCM tag mismatch)",
            });
        }
    }
    return problems;
}
