// The glob compiler (zeptomatch), apart so lib/glob.ts loads it only when a glob other than
// `folder/**` must be compiled: loading an npm package costs a hook ~5 ms (issue 19).
export { default as zeptomatch } from "zeptomatch";
