import * as fs from "fs";
import { describeFileError, UsageError } from "./command";

/**
 * The one wording of an input file that cannot be read, for every command:
 * `cannot read notification.json: no such file or directory (ENOENT)` — the name as the user gave it, the reason in
 * words, and the error code a user can search for.
 */
export function unreadableFileMessage(file: string, err: unknown): string {
    return `cannot read ${file}: ${describeFileError(err)}`;
}

/** Reads a whole input file as text; an unreadable file is a {@link UsageError} worded by {@link unreadableFileMessage}. */
export function readInputFile(absolutePath: string, file: string): string {
    try {
        return fs.readFileSync(absolutePath, "utf8");
    } catch (err) {
        throw new UsageError(unreadableFileMessage(file, err));
    }
}

/**
 * Checks an input file (or, with `directories`, a folder) can be opened before a command starts reading; a
 * {@link UsageError} worded by {@link unreadableFileMessage} otherwise.
 */
export async function assertReadable(absolutePath: string, file: string, directories = false): Promise<void> {
    let handle: fs.promises.FileHandle | undefined;
    try {
        const stat = await fs.promises.stat(absolutePath);
        if (stat.isDirectory()) {
            if (directories) {
                await fs.promises.access(absolutePath, fs.constants.R_OK | fs.constants.X_OK);
                return;
            }
            throw Object.assign(new Error("EISDIR: is a directory"), { code: "EISDIR" });
        }
        // Opening a named pipe would wait for its writer (and take the data from the real reader): check access only.
        if (!stat.isFile()) return await fs.promises.access(absolutePath, fs.constants.R_OK);
        handle = await fs.promises.open(absolutePath, "r");
    } catch (err) {
        throw new UsageError(unreadableFileMessage(file, err));
    } finally {
        await handle?.close();
    }
}
