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
