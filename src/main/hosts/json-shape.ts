/**
 * Counts the structure of a JSON body while it arrives, so a body that holds far more values than
 * any valid payload of its call is refused before JSON.parse builds them (issue 17 F11, item 5:
 * within import's 40 MB, `0,0,0…` cost 7 s of the core's thread to parse and `{},{},…` 29 s; the
 * size limit alone could not tell them from a file). Bytes are scanned, not characters: every
 * byte of a multi-byte UTF-8 sequence is ≥ 0x80, so none is taken for a quote or a bracket.
 */

export interface ShapeLimit {
  /** `{ [ , :` outside strings: one or two per value. */
  tokens: number
  /** `{ [` outside strings: objects and arrays, the costliest values to build. */
  containers: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const OPEN_ARRAY = 0x5b
const COMMA = 0x2c
const COLON = 0x3a

export class JsonShape {
  private inString = false
  private escaped = false
  tokens = 0
  containers = 0

  constructor(private readonly limit: ShapeLimit) {}

  /** Reads one more chunk; false once the body holds more structure than the limit allows. */
  feed(chunk: Uint8Array): boolean {
    let { inString, escaped, tokens, containers } = this
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number
      if (inString) {
        if (escaped) escaped = false
        else if (byte === BACKSLASH) escaped = true
        else if (byte === QUOTE) inString = false
      } else if (byte === QUOTE) inString = true
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        tokens++
        containers++
      } else if (byte === COMMA || byte === COLON) tokens++
    }
    Object.assign(this, { inString, escaped, tokens, containers })
    return this.within()
  }

  within(): boolean {
    return this.tokens <= this.limit.tokens && this.containers <= this.limit.containers
  }
}
