// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["**/dist/**", "**/node_modules/**", "bin/**", ".bench/**"] },
    eslint.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: "module" } },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
);
