// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["**/dist/**", "**/node_modules/**", ".bench/**", "sdks/**"] },
    eslint.configs.recommended,
    {
        // TypeScript sources: type-aware rules, with the types of the tsconfig.json that holds each file (the
        // project service finds it: the root project, components/ or policy/).
        files: ["**/*.ts"],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            // `async` is how a method meets a Promise-returning interface (a command's `run`, an SDK handler stub)
            // even when its body has nothing to wait for.
            "@typescript-eslint/require-await": "off",
        },
    },
    {
        // Tests read what the CLI printed (`JSON.parse(stdout)`) and walk it, or put its values in assertion messages:
        // typing each document would restate the code under test, and a wrong guess fails the assertion anyway.
        files: ["test/**/*.ts"],
        rules: {
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-call": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            "@typescript-eslint/restrict-template-expressions": "off",
            "@typescript-eslint/no-base-to-string": "off",
        },
    },
    {
        // bin/: plain CommonJS that runs before any compiled code (no types to check).
        files: ["bin/**/*.js"],
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "commonjs",
            globals: {
                require: "readonly",
                module: "writable",
                __dirname: "readonly",
                process: "readonly",
                console: "readonly",
            },
        },
    },
);
