// Pins the reader's paragraph rule before src/shared/body.ts (issue 20, item 1); same bodies as tests/body.
import { describe, expect, it } from 'vitest'
import { paragraphsOf } from './offsets'

const TRICKY: Record<string, string> = {
  canonical: 'One. Two.\n\nThree.',
  blankWithSpaces: 'One.\n \nTwo.',
  blankWithTab: 'One.\n\t\nTwo.',
  crlf: 'One.\r\n\r\nTwo.',
  leading: '\n\nOne.',
  trailing: 'One.\n\n',
  threeNewlines: 'One.\n\n\nTwo.',
  emptyParagraph: 'One.\n\n\n\nTwo.',
  spacesAfterBreak: 'One.\n\n  Two.',
  spaceBeforeBreak: 'One. \n\nTwo.',
  whitespaceParagraph: 'One.\n\n \n\nTwo.',
}

describe('the reader paragraphs before body.ts', () => {
  it('splits like this', () => {
    const table = Object.fromEntries(
      Object.entries(TRICKY).map(([name, body]) => [
        name,
        paragraphsOf(body).map((p) => `${p.start}-${p.start + p.text.length}:${JSON.stringify(p.text)}`),
      ]),
    )
    expect(table).toMatchSnapshot()
  })
})
