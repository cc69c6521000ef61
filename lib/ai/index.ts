// Server-only public API of the LLM layer; prompts are imported from lib/ai/prompts/<task>.ts.
export {
  type GenerateObjectResult,
  type GenerateOptions,
  type GenerateResultBase,
  type GenerateTextResult,
  generate,
} from "./generate";
export {
  createMockModel,
  hashText,
  type LanguageModelV3,
  MOCK_MODEL_ID,
  MOCK_PROVIDER_ID,
  mockValueForSchema,
  resetMockModelState,
} from "./mock-model";
export { DEFAULT_MODEL_PRICES, estimateCostUsd, findModelPrice, type ModelPriceUsd } from "./prices";
export { DEFAULT_MODELS, getLanguageModel, getLlmConfig, type LlmConfig } from "./providers";
export { type TestConnectionResult, testLlmConnection } from "./test-connection";
