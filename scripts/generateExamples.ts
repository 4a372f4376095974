// `npm run examples`: writes examples/, the sample inputs the documentation's commands run on, from the project's own data
// (no cloud account, nothing from ../shared):
// - examples/archive/: a small CloudTrail archive as `aws s3 sync` leaves a trail bucket (AWSLogs/<account>/
//   CloudTrail/<region>/YYYY/MM/DD/*.json.gz, plus a digest, an Insights and AWS Config files), drawn by the
//   benchmark's generator from bench/recordTemplates.json (its first file holds one record of
//   every template, so every rule has events);
// - examples/notification.json: the SNS notification CloudWatch sends when the prod stack's most urgent alarm
//   fires, as `trailwatch check --stack prod --json` generates it (`.alertPreview.notification`).
// Both are deterministic: running the script again writes the same bytes (a test holds the committed files to it).
import * as fs from "fs";
import * as path from "path";
import { generateSyntheticArchive, SyntheticArchiveManifest } from "../bench/syntheticArchive";
import { runProgram } from "../cli/engines/offline/runProgram";
import { previewStackAlert } from "../cli/engines/offline/stackAlertPreview";

/** The generator's options for the sample archive: one region, a few small files, a fixed seed. */
export const exampleArchiveOptions = {
    targetUncompressedBytes: 120_000,
    recordsPerFile: 40,
    regions: ["eu-west-1"],
    start: "2024-03-04T00:00:00Z",
    seed: 7,
    extras: true,
};

/** Writes the sample archive into `dir` (its `AWSLogs/` tree). */
export function writeExampleArchive(dir: string): Promise<SyntheticArchiveManifest> {
    return generateSyntheticArchive({ dir, ...exampleArchiveOptions });
}

/** The prod stack's alarm notification, as `check --stack prod` previews it, formatted as the file is written. */
export async function exampleNotification(projectDir: string): Promise<string> {
    const preview = previewStackAlert(await runProgram({ projectDir, stack: "prod" }));
    if (preview.notification === undefined) throw new Error("the prod stack previews no alarm notification");
    return `${JSON.stringify(preview.notification, null, 2)}\n`;
}

async function main(): Promise<void> {
    const projectDir = path.resolve(__dirname, "../..");
    const examples = path.join(projectDir, "examples");
    fs.rmSync(path.join(examples, "archive"), { recursive: true, force: true });
    const manifest = await writeExampleArchive(path.join(examples, "archive"));
    fs.writeFileSync(path.join(examples, "notification.json"), await exampleNotification(projectDir));
    console.log(
        `examples/archive: ${manifest.files} log files, ${manifest.events} events, ${manifest.compressedBytes} bytes; ` +
            "examples/notification.json",
    );
}

if (require.main === module) {
    main().catch((err) => {
        console.error(err);
        process.exitCode = 1;
    });
}
