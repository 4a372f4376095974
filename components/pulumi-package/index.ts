// The source Pulumi's component analyzer reads to derive the package schema (with tsconfig.json here): it looks for
// `index.ts` in the plugin directory when package.json's `main` (the built JavaScript) has no TypeScript beside it.
export * from "../src/index";
