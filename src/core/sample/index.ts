export { sampleProduction, SAMPLE_TITLE } from "./production";
export type { SampleTable } from "./production";
export { emptyProduction } from "./empty";
