// Test cases of the body model (src/shared/body.test.ts and the consumers' tests in tests/body); not used by the app.
/** Bodies the cleaner never writes but an old or hand-made notebook might hold. */
export const TRICKY: Record<string, string> = {
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
