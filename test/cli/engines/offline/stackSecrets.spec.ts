import * as assert from "assert";
import { createCipheriv, randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { listStacks, stackFilePath } from "../../../../cli/engines/offline/stackFile";
import { parseEncryptionSalt, passphraseKey, stackSecretProblems } from "../../../../cli/engines/offline/stackSecrets";
import { projectDir } from "../../../support/repositoryPaths";

// Pulumi's own test vector of the passphrase secrets manager: this `encryptionsalt` state with the passphrase
// "password" (pkg/secrets/passphrase/manager_test.go in github.com/pulumi/pulumi, Apache-2.0:
// `TestPassphraseManagerCorrectPassphraseReturnsSecretsManager`; "password123" is its incorrect passphrase). It
// proves the key derivation and AES-256-GCM here are Pulumi's, not an algorithm of our own that merely agrees
// with itself.
const pulumiTestState = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

/** Encrypts as the passphrase manager's `symmetricCrypter.EncryptValue`: `v1:<nonce>:<ciphertext+tag>`. */
function encrypt(key: Buffer, plaintext: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${ciphertext.toString("base64")}`;
}

describe("stack secrets a Pulumi secrets manager can decrypt", function () {
    // PBKDF2 with 1,000,000 iterations: about half a second per key.
    this.timeout(30000);

    it("derives the passphrase key exactly as Pulumi does (Pulumi's own test vector)", () => {
        const right = parseEncryptionSalt(pulumiTestState, "password");
        assert.ok("key" in right && right.key !== undefined, JSON.stringify(right));
        assert.deepStrictEqual(parseEncryptionSalt(pulumiTestState, "password123"), {
            problem: "incorrect passphrase",
        });
    });

    it("finds nothing no provider could decrypt in any committed stack file", () => {
        const stacks = listStacks(projectDir);
        assert.ok(stacks.includes("dev") && stacks.includes("prod"), stacks.join(", "));
        // With the stack's passphrase in the environment (passphrase-provider stacks), every value is decrypted.
        const passphrase = process.env.PULUMI_CONFIG_PASSPHRASE;
        for (const stack of stacks) {
            const doc = parseYaml(fs.readFileSync(stackFilePath(projectDir, stack), "utf8"));
            assert.deepStrictEqual(
                stackSecretProblems(doc, { passphrase }),
                [],
                path.basename(stackFilePath(projectDir, stack)),
            );
        }
    });

    it("rejects the made-up values the stack files carried before (no salt, not base64)", () => {
        // Verbatim from stacks/Pulumi.dev.yaml and stacks/Pulumi.prod.yaml before they stopped carrying ciphertexts.
        const before = {
            dev: "v1:Zq3kF0b9XyQm2LwR:8pJ2vN7cT4yH1mQe0uK5sB3xW9aD6fG2hL8rZ1cV4nM7tY0qE3uI6oP9sA2dF5gH8jK1lZ4xC7vB==",
            prod: "v1:Rk7Tn2Wq9LpX4VbM:Jd0sK3fH6gA9zQ2wE5rT8yU1iO4pL7kJ0hG3fD6sA9zX2cV5bN8mQ1wE4rT7yU0iO3pL6kJ9hG==",
        };
        for (const value of Object.values(before)) {
            const doc = parseYaml(`config:\n  trailwatch:opsgenieApiKey:\n    secure: ${value}\n`);
            assert.deepStrictEqual(stackSecretProblems(doc), [
                {
                    key: "trailwatch:opsgenieApiKey",
                    message:
                        "is not base64, so the Pulumi Cloud secrets manager (this file names no secretsprovider and has no encryptionsalt) cannot decrypt it (illegal base64 data); it has the passphrase provider's v1:<nonce>:<ciphertext> form, but the file has no encryptionsalt to derive that key from",
                },
            ]);
        }
        // Given a salt, neither is a passphrase-provider value: dev's nonce is not 12 bytes, prod's does not decrypt.
        const withSalt = (value: string) => ({
            encryptionsalt: pulumiTestState,
            config: { "trailwatch:opsgenieApiKey": { secure: value } },
        });
        assert.deepStrictEqual(stackSecretProblems(withSalt(before.dev)), [
            {
                key: "trailwatch:opsgenieApiKey",
                message: "has a nonce or ciphertext that is not base64, the passphrase provider's value format",
            },
        ]);
        assert.deepStrictEqual(stackSecretProblems(withSalt(before.prod), { passphrase: "password" }), [
            {
                key: "trailwatch:opsgenieApiKey",
                message: "does not decrypt with the stack's passphrase (GCM tag mismatch)",
            },
        ]);
    });

    it("accepts a passphrase-provider file whose values decrypt, and catches a tampered value", () => {
        const salt = Buffer.from(pulumiTestState.split(":")[1], "base64");
        const key = passphraseKey("password", salt);
        const good = encrypt(key, "3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f");
        const doc = (value: string) => ({
            encryptionsalt: pulumiTestState,
            config: {
                "aws:region": "eu-west-1",
                "trailwatch:opsgenieApiKey": { secure: value },
                // Pulumi also encrypts values inside structured config.
                "trailwatch:nested": { tokens: [{ secure: value }] },
            },
        });
        assert.deepStrictEqual(stackSecretProblems(doc(good)), []);
        assert.deepStrictEqual(stackSecretProblems(doc(good), { passphrase: "password" }), []);
        assert.deepStrictEqual(stackSecretProblems(doc(good), { passphrase: "password123" }), [
            { key: "encryptionsalt", message: "incorrect passphrase" },
        ]);

        const [v, nonce, ciphertext] = good.split(":");
        const bytes = Buffer.from(ciphertext, "base64");
        bytes[0] ^= 1;
        const tampered = `${v}:${nonce}:${bytes.toString("base64")}`;
        assert.deepStrictEqual(stackSecretProblems(doc(tampered), { passphrase: "password" }), [
            {
                key: "trailwatch:opsgenieApiKey",
                message: "does not decrypt with the stack's passphrase (GCM tag mismatch)",
            },
            {
                key: "trailwatch:nested.tokens[0]",
                message: "does not decrypt with the stack's passphrase (GCM tag mismatch)",
            },
        ]);
    });

    it("names the file's own settings when they cannot work", () => {
        const value = { "trailwatch:opsgenieApiKey": { secure: "v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==" } };
        assert.deepStrictEqual(stackSecretProblems({ secretsprovider: "passphrase", config: value }), [
            {
                key: "encryptionsalt",
                message:
                    "is missing: the passphrase provider would derive a new key from a new salt, which cannot decrypt the values already in the file",
            },
        ]);
        assert.deepStrictEqual(stackSecretProblems({ encryptionsalt: "v1:not base64!:x", config: value }), [
            { key: "encryptionsalt", message: "has a salt that is not base64" },
        ]);
        assert.deepStrictEqual(
            stackSecretProblems({ secretsprovider: "awskms://alias/trailwatch?region=eu-west-1", config: value }),
            [
                {
                    key: "encryptedkey",
                    message:
                        "is missing: the awskms://alias/trailwatch?region=eu-west-1 secrets provider needs the wrapped data key its values were encrypted with",
                },
            ],
        );
    });

    it("accepts Pulumi Cloud values (base64) and a file without secrets", () => {
        const doc = {
            config: { "trailwatch:opsgenieApiKey": { secure: "AAABAKMbWv0vzr0jwOoXzBhQEl8BRigBrmaUc0HjSPuMrA==" } },
        };
        assert.deepStrictEqual(stackSecretProblems(doc), []);
        assert.deepStrictEqual(stackSecretProblems({ config: { "aws:region": "eu-west-1" } }), []);
        // Go's StdEncoding wants the padding.
        assert.strictEqual(
            stackSecretProblems({ config: { k: { secure: "AAABAKMbWv0vzr0jwOoXzBhQEl8BRigBrmaUc0HjSPuMrA" } } }).length,
            1,
        );
    });
});
