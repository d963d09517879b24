// Vite's client types (CSS imports, import.meta.env) for the TypeScript checker.
/// <reference types="vite/client" />
