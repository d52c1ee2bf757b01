import type { HandlerContext, HandlersOf } from '../handlers'
import {
  acceptClaim,
  mergeSpeakers,
  rejectClaim,
  roundClaims,
  roundQuoteCredits,
  roundQuoteProvenance,
  speakersOfRound,
  unmergeSpeaker,
  unrejectClaim,
} from './repo'

/** The claims of a round, its speakers and the credits of its quotes (claims.*). */
export function claimHandlers({ db, now, write }: HandlerContext): HandlersOf<'claims'> {
  return {
    'claims.propose': ({ roundId }) => roundClaims(db, roundId),
    'claims.accept': ({ roundId, key }) => write((db) => acceptClaim(db, roundId, key, now())),
    'claims.speakers': ({ roundId }) => speakersOfRound(db, roundId),
    'claims.mergeSpeaker': ({ from, into, name }) => write((db) => mergeSpeakers(db, from, into, name, now())),
    'claims.unmergeSpeaker': ({ from }) => write((db) => unmergeSpeaker(db, from)),
    'claims.quoteCredits': ({ roundId }) => roundQuoteCredits(db, roundId),
    'claims.provenance': ({ roundId }) => roundQuoteProvenance(db, roundId),
    'claims.reject': ({ roundId, key }) => write((db) => rejectClaim(db, roundId, key, now())),
    'claims.unreject': ({ roundId, key }) => write((db) => unrejectClaim(db, roundId, key)),
  }
}
