/**
 * Reading resource properties that may not be known yet.
 *
 * During `pulumi preview` a property computed from another resource's output (an ARN, a generated name) is not
 * known; the engine sends a placeholder string instead. The policy framework hands policies a proxy that throws
 * when such a property is read, and turns the throw into an advisory "can't run policy during preview". These
 * policies instead read the plain values and decide for themselves: an unknown value is never a violation
 * (it is only known to be *set*), and the rest of the resource is still checked.
 */

import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

/**
 * The placeholder the engine sends for an unknown value (a string's, the one the Node.js SDK itself sends); tests
 * use it to build preview-time resources.
 */
export { unknownValue };

/**
 * The engine's placeholders for unknown values, one per kind of value (pulumi/pulumi
 * `sdk/go/common/resource/plugin`: `UnknownStringValue`, `UnknownBoolValue`, …; the same strings
 * `@pulumi/policy`'s proxy recognises). Any of them means "not known yet". Only the string's is exported by a
 * public module (`@pulumi/pulumi/runtime/rpc`); `@pulumi/policy` keeps the others `@internal` in `proxy.js`.
 */
const unknownPlaceholders: ReadonlySet<string> = new Set([
    unknownValue, // string
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** True when `value` is not known until the update runs. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && unknownPlaceholders.has(value);
}

/** True when `value` is unknown or holds an unknown value anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
    return false;
}

/** Plain resource properties, as the engine sent them. */
export type Props = Record<string, unknown>;

/**
 * The properties behind the framework's unknown-checking proxy, read without triggering it. The proxy defines
 * only a `get` trap, so property descriptors come straight from the plain object it wraps (and the values inside
 * are plain too). A plain object passes through unchanged.
 */
export function plainProps(props: Record<string, unknown>): Props {
    const plain: Props = {};
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(props))) {
        plain[key] = descriptor.value;
    }
    return plain;
}

/** The value if it is a known string, else `undefined`. */
export function knownString(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** The value if it is a known array, else `undefined` (absent, unknown or not an array). */
export function knownArray(value: unknown): unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

/** The value if it is a plain object, else `undefined`. */
export function knownObject(value: unknown): Props | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Props) : undefined;
}
