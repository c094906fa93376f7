import type { Clause } from '../clause.js'
import { approvals } from './approvals.js'
import { deleted } from './deleted.js'
import { emergencyReview } from './emergency-review.js'
import { freeze } from './freeze.js'
import { leadTime } from './lead-time.js'
import { transition } from './transition.js'
import { unknownCommitter } from './unknown-committer.js'
import { unknownService } from './unknown-service.js'

/** Every clause of the change policy, in the order their findings are worth reading. */
export const policyClauses: readonly Clause[] = [deleted, transition, unknownService, freeze, leadTime, emergencyReview, unknownCommitter, approvals]
