// The embedding API: `import { Lua } from 'lunet'`.
export {};
