import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectDir } from "./repositoryPaths";

/**
 * A throwaway project directory with the project's own `Pulumi.yaml`, one stack file of the test's own
 * (`stacks/Pulumi.<stack>.yaml`) and the real compiled program (`dist`, linked), for running a command against a
 * stack the repository does not ship.
 */
export function projectWithStack(stack: string, yaml: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-stack-"));
    fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.mkdirSync(path.join(dir, "stacks"));
    fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), yaml);
    fs.symlinkSync(path.join(projectDir, "dist"), path.join(dir, "dist"));
    return dir;
}

/**
 * A stack file whose one custom rule matches by regular expression (`%Console.*%`, at position 17 of its
 * pattern): the rule the SQL engines (`sql`, `backtest --engine duckdb|athena`) refuse to translate.
 */
export const REGEX_RULE_STACK_YAML = [
    "config:",
    "  aws:region: eu-west-1",
    "  trailwatch:customRules:",
    "    - id: signin-regex",
    "      title: Sign-ins by regex",
    '      pattern: "{ $.eventName = %Console.*% }"',
    "      severity: P3",
    "      rationale: A test rule.",
    "",
].join("\n");
