// The editor refuses the links the core would strip at save (one rule, in src/shared).
export { isSafeLink } from '@shared/editor/clean'
