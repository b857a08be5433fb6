/**
 * The simulated "truth" behind every export: when each account posted, how each post did, and how the
 * audience grew day by day. Format writers only serialise this, so the same post or follower count
 * agrees across files (e.g. CrowdTangle's "Followers at Posting" and Meta's daily "Facebook follows").
 */
import type { AccountProfile, Institution, Platform } from './institutions'
import { Rng } from './prng'
import { postText, type PostText } from './texts'
import { DAY_COUNT, DAY_MS, dayIndexOf, dayMs, easternToUtc, monthOf, weekdayOf } from './time'

export type PostKind = 'status' | 'photo' | 'link' | 'video'

export interface Post {
  /** The real instant (UTC ms). */
  utcMs: number
  /** Eastern local calendar day (UTC-midnight ms standing for that date) and wall-clock time. */
  localDay: number
  localHour: number
  localMinute: number
  localSecond: number
  kind: PostKind
  viral: boolean
  /** Performance relative to the account's norm (noise x format x timing x viral). */
  lift: number
  /** Audience size on the day of posting. */
  followers: number
  /** Expected interactions of this post (followers x rate x lift), before per-metric splits. */
  interactions: number
  text: PostText
}

export interface Account {
  inst: Institution
  platform: Platform
  profile: AccountProfile
  posts: Post[]
  /** Audience at the end of each day of the period. */
  followers: number[]
  /** Gross new follows per day (what Meta's "Facebook follows" reports). */
  newFollows: number[]
  /** Unfollows per day (Meta's "Facebook unfollows"): followers[i] = followers[i-1] + newFollows[i] - lostFollows[i]. */
  lostFollows: number[]
}

const KIND_WEIGHTS: Record<Platform, Record<PostKind, number>> = {
  x: { status: 0.3, photo: 0.35, link: 0.3, video: 0.05 },
  facebook: { status: 0.1, photo: 0.5, link: 0.25, video: 0.15 },
  youtube: { status: 0, photo: 0, link: 0, video: 1 }
}
const KIND_LIFT: Record<PostKind, number> = { status: 0.8, photo: 1.2, link: 0.7, video: 1.5 }
const KINDS: PostKind[] = ['status', 'photo', 'link', 'video']

/** Fewer posts in high summer and at year end, a busy January: visible but not dominant. */
function seasonal(month: number): number {
  return [1.1, 1.0, 1.0, 1.0, 1.0, 0.95, 0.8, 0.75, 1.05, 1.05, 1.0, 0.8][month]
}

function inGap(profile: AccountProfile, day: number): boolean {
  return (profile.gaps ?? []).some(([from, to]) => day >= Date.parse(from) && day <= Date.parse(to))
}

function schedule(
  rng: Rng,
  profile: AccountProfile
): Omit<Post, 'kind' | 'viral' | 'lift' | 'followers' | 'interactions' | 'text'>[] {
  const slots = []
  for (let week = 0; week * 7 < DAY_COUNT; week++) {
    const weekStart = dayMs(week * 7)
    const n = rng.poisson(profile.postsPerWeek * seasonal(monthOf(weekStart)))
    for (let k = 0; k < n; k++) {
      const weekday = rng.weighted(profile.weekdays)
      const offset = (weekday - weekdayOf(weekStart) + 7) % 7
      const localDay = weekStart + offset * DAY_MS
      if (dayIndexOf(localDay) >= DAY_COUNT || inGap(profile, localDay)) continue
      const scheduled = rng.chance(profile.scheduledShare)
      const localHour = Math.min(22, rng.pick(profile.hours) + (!scheduled && rng.chance(0.3) ? rng.int(-1, 2) : 0))
      const localMinute = scheduled ? rng.pick([0, 0, 0, 15, 30, 30, 45]) : rng.int(0, 59)
      const localSecond = scheduled ? rng.int(0, 4) : rng.int(0, 59)
      slots.push({
        utcMs: easternToUtc(localDay, localHour, localMinute, localSecond),
        localDay,
        localHour,
        localMinute,
        localSecond
      })
    }
  }
  return slots.sort((a, b) => a.utcMs - b.utcMs)
}

/** Daily audience: compound growth with noise, weekday rhythm, small dips, and surges after viral posts. */
function grow(
  rng: Rng,
  profile: AccountProfile,
  surges: Map<number, number>
): { followers: number[]; newFollows: number[]; lostFollows: number[] } {
  const rate = Math.pow(1 + profile.yearlyGrowth, 1 / 365) - 1
  const followers: number[] = []
  const newFollows: number[] = []
  const lostFollows: number[] = []
  let f = profile.startFollowers
  for (let i = 0; i < DAY_COUNT; i++) {
    const weekdayLift = weekdayOf(dayMs(i)) >= 5 ? 0.8 : 1.05
    const gained = Math.max(0, Math.round(f * rate * 1.4 * weekdayLift * rng.logNormal(0.45) + (surges.get(i) ?? 0)))
    const lost = Math.round(f * rate * 0.4 * rng.logNormal(0.5)) + (rng.chance(0.01) ? Math.round(f * 0.0015) : 0)
    const next = Math.max(0, f + gained - lost)
    lostFollows.push(f + gained - next)
    f = next
    followers.push(f)
    newFollows.push(gained)
  }
  return { followers, newFollows, lostFollows }
}

export function buildAccount(inst: Institution, platform: Platform): Account {
  const profile = inst.accounts[platform]
  if (!profile) throw new Error(`${inst.id} has no ${platform} account`)
  const rng = new Rng(`${inst.id}/${platform}/posts`)
  const slots = schedule(rng, profile)
  const weights = KINDS.map((k) => KIND_WEIGHTS[platform][k])

  // Per-post draws first (kind, lift, viral), because viral posts feed the follower surges.
  const drafts = slots.map((s) => {
    const kind = KINDS[rng.weighted(weights)]
    const viral = rng.chance(0.007)
    const timing = (weekdayOf(s.localDay) >= 5 ? 1.1 : 1) * (s.localHour >= 18 ? 1.1 : 1)
    const lift = KIND_LIFT[kind] * timing * rng.logNormal(0.55) * (viral ? 12 + rng.next() * 33 : 1)
    return { ...s, kind, viral, lift }
  })
  // Every account gets at least one breakout, so the sample always shows one.
  if (drafts.length > 0 && !drafts.some((d) => d.viral)) {
    const d = drafts[Math.floor(drafts.length * (0.3 + 0.4 * rng.next()))]
    d.viral = true
    d.lift *= 20 + rng.next() * 20
  }

  const surges = new Map<number, number>()
  for (const d of drafts.filter((x) => x.viral)) {
    const size = profile.startFollowers * 0.0008 * d.lift
    const day = dayIndexOf(d.localDay)
    ;[0.5, 0.3, 0.2].forEach((share, k) => surges.set(day + k, (surges.get(day + k) ?? 0) + size * share))
  }
  const { followers, newFollows, lostFollows } = grow(new Rng(`${inst.id}/${platform}/followers`), profile, surges)

  const textRng = new Rng(`${inst.id}/${platform}/texts`)
  const posts: Post[] = drafts.map((d) => {
    const fAt = followers[Math.max(0, dayIndexOf(d.localDay) - 1)] ?? profile.startFollowers
    return {
      ...d,
      followers: fAt,
      interactions: fAt * profile.engagementRate * d.lift,
      text: postText(textRng, inst, monthOf(d.localDay), d.kind === 'link' || textRng.chance(0.2))
    }
  })
  return { inst, platform, profile, posts, followers, newFollows, lostFollows }
}
