import { useEffect, useState } from 'react'

function isDark(): boolean {
  const pinned = document.documentElement.dataset.theme
  if (pinned === 'light' || pinned === 'dark') return pinned === 'dark'
  return !!window.matchMedia?.('(prefers-color-scheme: dark)').matches
}

/** Whether the dark theme is showing (the toggle pins data-theme on <html>, else the OS decides); charts follow it. */
export function useIsDark(): boolean {
  const [dark, setDark] = useState(isDark)
  useEffect(() => {
    const update = () => setDark(isDark())
    const observer = new MutationObserver(update)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)')
    mq?.addEventListener('change', update)
    return () => {
      observer.disconnect()
      mq?.removeEventListener('change', update)
    }
  }, [])
  return dark
}
