// Self-written fixtures (invented places and people): how the meeting an article reports is read
// from a page copy that opens a few sentences into the story, and which places are its own.
import { describe, expect, it } from 'vitest'
import { articleEvents } from './mentions'

const event = (title: string, body: string, published: string | null = null): ReturnType<typeof articleEvents> =>
  articleEvents({ id: 1, title, outlet: null, published, body })

describe('the meeting of a copy that opens inside the story (self-written)', () => {
  const body =
    'There was no word from either side after the meeting at the embassy in Nordhavn’s old harbour district. The minister has pressed for a quick settlement.\n' +
    '“The talks were held in a good atmosphere and are moving forward,” Berg told state radio.\n' +
    'Officials described the talks as indirect, like those last weekend in Sundby, with the host shuttling between the rooms.'

  it('is told by a later lead sentence, at the place the story keeps, not at the one it compares with', () => {
    const main = event(body.split('\n')[0] as string, body).main
    expect(main).not.toBeNull()
    expect(main?.venue).toBe('Nordhavn')
    // "last weekend" is the day of the meeting it is compared with.
    expect(main?.dateKind).toBeNull()
  })

  it('a meeting introduced as something else’s sequel or as coming is no report', () => {
    const text =
      'Harvest figures for the year were published on Monday by the agency. The figures set a record.\nThis report precedes a fisheries summit, where quotas will be a focal point.'
    expect(event('Harvest Figures Confirm Record Year in the Making', text, '2025-03-07').main).toBeNull()
  })
})

describe('places in a title in title case (self-written)', () => {
  it('a capitalized word after "in" in a title-case title is a place only if the text names it', () => {
    const body = 'Delegations of the two countries held talks on Thursday on fishing quotas, officials said.'
    expect(event('Quota Talks End With Deal in the Making', body, '2025-03-07').main?.venue ?? null).toBeNull()
    expect(
      event('Quota Talks in Nordhavn End With a Deal', `${body} The talks in Nordhavn lasted six hours.`, '2025-03-07').main?.venue,
    ).toBe('Nordhavn')
  })
})
