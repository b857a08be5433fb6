import { useEffect, useState } from 'react'

type Theme = 'light' | 'dark'

function current(): Theme {
  const pinned = document.documentElement.dataset.theme
  if (pinned === 'light' || pinned === 'dark') return pinned
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/**
 * The theme actually shown (the toggle pins data-theme on <html>, otherwise the OS decides). Most chart styling
 * follows CSS variables by itself; the few choices that cannot (e.g. opacity floors) rebuild from this.
 */
export function useDocumentTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(current)
  useEffect(() => {
    const update = () => setTheme(current())
    const observer = new MutationObserver(update)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)')
    mq?.addEventListener('change', update)
    return () => {
      observer.disconnect()
      mq?.removeEventListener('change', update)
    }
  }, [])
  return theme
}
