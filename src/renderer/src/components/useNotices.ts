import { useCallback, useRef, useState } from 'react'
import { errorCode, errorMessage } from '../api'
import type { ErrorCode } from '../../../shared/result'

export interface Notice {
  id: number
  message: string
  code?: ErrorCode
  /** A button in the toast ("Undo"). */
  action?: { label: string; run: () => void }
}

const TOAST_MS = 4000
/** A toast with a button stays longer, so it can be reached with the keyboard; Edit > Undo outlives it anyway. */
const ACTION_TOAST_MS = 30000

/** Error banners (stay until dismissed) and success toasts (fade on their own). */
export function useNotices() {
  const [errors, setErrors] = useState<Notice[]>([])
  const [toasts, setToasts] = useState<Notice[]>([])
  const next = useRef(1)

  const showError = useCallback((err: unknown, context?: string) => {
    const message = context ? `${context}: ${errorMessage(err)}` : errorMessage(err)
    const notice = { id: next.current++, message, code: errorCode(err) }
    // The same message twice is one banner, not a stack of them.
    setErrors((list) => (list.some((n) => n.message === message) ? list : [...list, notice]))
  }, [])

  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((n) => n.id !== id)), [])

  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((n) => n.id !== id)), [])

  const toast = useCallback(
    (message: string, action?: Notice['action']) => {
      const id = next.current++
      setToasts((list) => [...list.slice(-3), { id, message, action }])
      window.setTimeout(() => dismissToast(id), action ? ACTION_TOAST_MS : TOAST_MS)
    },
    [dismissToast]
  )

  return { errors, toasts, showError, dismissError, toast, dismissToast }
}
