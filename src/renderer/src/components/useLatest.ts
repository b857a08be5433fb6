import { useLayoutEffect, useRef } from 'react'

/**
 * A ref that always holds the latest value, for long-lived listeners (window keydown, drag and drop,
 * push events) that must not re-subscribe on every render. Updated after render, as React requires.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
