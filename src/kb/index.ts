export {
  articleTypes,
  type AdoptionInput,
  type AdoptionPlan,
  type ArticleType,
  type FileChange,
  type LinkRewrite,
  type Mention,
  type PlannedArticle,
  type SkippedFile,
  type TitleSource,
  type Todo,
} from './adoption-plan.js'
export { formatAdoptionJson, formatAdoptionPretty, type AdoptionReport } from './format-adoption.js'
export { guessTitle, type TitleGuess } from './guess-title.js'
export { guessType, type TypeGuess } from './guess-type.js'
export { planAdoption } from './plan-adoption.js'
