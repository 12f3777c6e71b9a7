/** The image step's public face: what the deploy and plan commands call. */
export { buildImages, commitTag, plannedImageMethod } from './build-images.js';
export { contentHash, contentTag, CONTENT_HASH_FORMAT, type ContentHashInput } from './content-hash.js';
export { type BaseDigests, type RegistryLogin, resolveBaseDigests } from './content-hash.js';
export { fluentdDryRun, findingsFromDryRun, DRY_RUN_CODES, type FluentdDryRunOptions } from './fluentd-dry-run.js';
export { EcrError } from './ecr.js';
export {
  type BuildImagesOptions,
  type BuildImagesResult,
  type FluentdCheck,
  type ImageAction,
  ImageBuildError,
  type ImageResult,
  type ImageSpec,
} from './types.js';
export { imageInputs, type ImageInputs, type ImageInputsOptions, parsedImageInputs } from './image-inputs.js';
export { type ImageLiveState, type ImageQuery, lookUpImages } from './live-state.js';
export { isImmutable, type ImageInEcr, type RepositoryInfo } from './ecr.js';
