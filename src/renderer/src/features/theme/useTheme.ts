import { useCallback, useEffect, useState } from 'react'

export type Theme = 'light' | 'dark'
type Preference = Theme | 'system'

const KEY = 'socialbench.theme'

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

function storedPreference(): Preference {
  try {
    const v = window.localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

/**
 * Follows the OS theme until the user toggles; the choice is kept locally. The CSS reads `data-theme`
 * on <html>, and falls back to prefers-color-scheme when it is absent.
 */
export function useTheme() {
  const [preference, setPreference] = useState<Preference>(storedPreference)
  const [system, setSystem] = useState<Theme>(systemTheme)

  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)')
    if (!mq) return
    const onChange = () => setSystem(mq.matches ? 'dark' : 'light')
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [])

  useEffect(() => {
    const root = document.documentElement
    if (preference === 'system') delete root.dataset.theme
    else root.dataset.theme = preference
  }, [preference])

  const theme: Theme = preference === 'system' ? system : preference

  const toggle = useCallback(() => {
    const nextTheme: Theme = theme === 'dark' ? 'light' : 'dark'
    setPreference(nextTheme)
    try {
      window.localStorage.setItem(KEY, nextTheme)
    } catch {
      // Storage can be unavailable; the toggle still works for this session.
    }
  }, [theme])

  return { theme, toggle }
}
