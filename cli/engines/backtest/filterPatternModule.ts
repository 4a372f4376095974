import * as path from "path";
import type * as components from "@trailwatch/components";

/** The part of `@trailwatch/components` a backtest worker needs. */
export type FilterPatternModule = Pick<typeof components, "parseFilterPattern">;

/**
 * Loads the filter-pattern language of `@trailwatch/components` without the rest of the package.
 *
 * Why not `import "@trailwatch/components"`: the package index also loads the Pulumi components,
 * and with them `@pulumi/pulumi` and `@pulumi/aws` — about 90 MB and a second or two of start-up
 * per thread. Each worker thread loads its modules anew, so the whole package in two workers
 * took a backtest from ~250 MB to ~470 MB peak. The filter-pattern folder has no Pulumi in it
 * (a design rule of the package), so workers load just that folder of the installed package,
 * found through the package's own entry point. The type above keeps it checked against the
 * package's public API; if the folder ever moves, the full package is loaded instead.
 */
export function loadFilterPatternModule(): FilterPatternModule {
    const entry = require.resolve("@trailwatch/components");
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(path.join(path.dirname(entry), "filterPattern")) as FilterPatternModule;
    } catch {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require("@trailwatch/components") as FilterPatternModule;
    }
}
