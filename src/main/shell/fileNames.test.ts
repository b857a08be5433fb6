import { describe, expect, it } from 'vitest'
import { safeFileName } from './fileNames'

describe('safeFileName', () => {
  it('keeps an ordinary export name', () => {
    expect(safeFileName('engagement_Halvern-Corvale_2024-01-01_2024-12-31.png')).toBe(
      'engagement_Halvern-Corvale_2024-01-01_2024-12-31.png'
    )
  })
  it('never lets a suggestion be a path', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Windows\\system32\\x.dll')).toBe('x.dll')
    expect(safeFileName('/tmp/')).toBe('export')
    expect(safeFileName('..')).toBe('export')
  })
  it('replaces characters Windows refuses and control characters, drops leading dots', () => {
    expect(safeFileName('a<b>c:d"e|f?g*h.csv')).toBe('a_b_c_d_e_f_g_h.csv')
    expect(safeFileName('x\u0000y\n.csv')).toBe('x_y_.csv')
    expect(safeFileName('.hidden.png')).toBe('hidden.png')
  })
})
