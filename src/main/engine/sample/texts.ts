/**
 * Post texts for the sample: short, bland, plausible health-institution messages built from templates.
 * Month-specific awareness posts make seasonal peaks visible in charts; a few texts carry the quirks
 * real exports have (emoji, "&" that X writes as "&amp;", line breaks inside a quoted field).
 */
import type { Institution, InstitutionKind } from './institutions'
import type { Rng } from './prng'

export interface PostText {
  text: string
  /** A short headline, used as link text / video title. */
  headline: string
  topic: string
}

const DEPARTMENTS = [
  'cardiology',
  'emergency',
  'maternity',
  'oncology',
  'orthopaedics',
  'radiology',
  'pediatrics',
  'neurology',
  'ICU',
  'physiotherapy'
]
const ROLES = [
  'nurses',
  'paramedics',
  'pharmacists',
  'lab technicians',
  'volunteers',
  'surgeons',
  'midwives',
  'respiratory therapists'
]
const TIPS = [
  'Drink water through the day',
  'Take a 10-minute walk after meals',
  'Check your blood pressure once a year',
  'Wear sunscreen, even when it is cloudy',
  'Keep a list of your medicines with you',
  'Wash your hands for 20 seconds',
  'Get 7-9 hours of sleep',
  'Know the signs of a stroke: face, arms, speech, time'
]
const PRODUCTS = [
  'Pulsewave M4 monitor',
  'Infuset S2 pump',
  'CardioTrace patch',
  'OxiLink sensor',
  'Veltrix Connect app'
]

/** Awareness themes by month (0 = January). */
const AWARENESS: Record<number, [string, string]> = {
  1: ['Heart Month', '#HeartMonth'],
  2: ['Kidney Month', '#KidneyMonth'],
  4: ['Mental Health Awareness Month', '#MentalHealthMatters'],
  8: ['Childhood Cancer Awareness Month', '#GoGold'],
  9: ['Breast Cancer Awareness Month', '#BCAM'],
  10: ['Diabetes Awareness Month', '#DiabetesMonth']
}

type Template = (ctx: Ctx) => [text: string, headline: string, topic: string]
interface Ctx {
  rng: Rng
  inst: Institution
  month: number
  link: string
}

const GENERIC: Template[] = [
  (c) => [`Health tip: ${c.rng.pick(TIPS)}. Small habits add up! ${c.link}`, 'Health tip of the week', 'tip'],
  (c) => [
    `Meet our ${c.rng.pick(ROLES)}: the people behind the care at ${c.inst.name}. Thank you for all you do! 💙`,
    `Staff spotlight: our ${c.rng.pick(ROLES)}`,
    'staff'
  ],
  (c) => [
    `We're hiring! Join our ${c.rng.pick(DEPARTMENTS)} team & grow your career with us. Apply: ${c.link}`,
    'Careers: we are hiring',
    'careers'
  ],
  (c) => [
    `Community health fair this Saturday in ${c.inst.town}: free screenings, flu shots & healthy snacks. ${c.link}`,
    `Health fair in ${c.inst.town}`,
    'community'
  ],
  (_c) => [
    `Thank you to everyone who joined our blood drive - 142 donations in one day!\n\nEvery donation can help up to three people.`,
    'Blood drive: thank you',
    'community'
  ],
  (c) => [
    `Flu season is here. Book your flu shot today - it takes five minutes. ${c.link}`,
    'Flu shots now available',
    'vaccination'
  ]
]

const BY_KIND: Record<InstitutionKind, Template[]> = {
  hospital: [
    (c) => [
      `Our ${c.rng.pick(DEPARTMENTS)} unit welcomes new equipment thanks to the ${c.inst.town} Hospital Foundation. ${c.link}`,
      `New equipment for ${c.rng.pick(DEPARTMENTS)}`,
      'news'
    ],
    (c) => [
      `Visiting hours update: from Monday, visitors are welcome 8am-8pm. Details: ${c.link}`,
      'Visiting hours update',
      'service'
    ],
    (c) => [
      `Research news: our team published new findings on recovery after ${c.rng.pick(['hip surgery', 'heart attack', 'stroke', 'premature birth'])}. ${c.link}`,
      'Research news',
      'research'
    ],
    (c) => [
      `Baby boom! 🍼 Our maternity ward welcomed ${c.rng.int(8, 19)} babies this weekend.`,
      'Weekend baby boom',
      'feelgood'
    ]
  ],
  'clinic network': [
    (c) => [
      `Walk-in hours extended at ${c.rng.int(3, 9)} of our clinics this month. Find yours: ${c.link}`,
      'Extended walk-in hours',
      'service'
    ],
    (c) => [
      `New clinic opening in ${c.rng.pick(['East Corvale', 'Millbrook', 'Harlow Green', 'Denton Ridge'])}! Same-day appointments available. ${c.link}`,
      'New clinic opening',
      'news'
    ]
  ],
  'medical-device maker': [
    (c) => [
      `Introducing the ${c.rng.pick(PRODUCTS)} update: faster setup, clearer alarms. ${c.link}`,
      `${c.rng.pick(PRODUCTS)} update`,
      'product'
    ],
    (c) => [
      `Visit our booth at the (fictional) ${c.rng.pick(['Northern Medtech Expo', 'Clinical Engineering Forum', 'Critical Care Summit'])} - demos all day. ${c.link}`,
      'See us at the expo',
      'event'
    ],
    (c) => [
      `Field safety notice: a software update is available for the ${c.rng.pick(PRODUCTS)}. Details for customers: ${c.link}`,
      'Field safety notice',
      'service'
    ]
  ],
  'pharmacy chain': [
    (c) => [
      `Holiday opening hours: most ${c.inst.name} stores open 9am-5pm. Check your store: ${c.link}`,
      'Holiday opening hours',
      'service'
    ],
    (c) => [
      `Ask your pharmacist: ${c.rng.pick(['allergy season', 'travel vaccines', 'managing cold symptoms', 'storing medicines safely'])} 💊 ${c.link}`,
      'Ask your pharmacist',
      'tip'
    ],
    (c) => [`Refill prescriptions in the app & pick up in 15 minutes. ${c.link}`, 'Refill in the app', 'product']
  ]
}

/** A text for one post; `seasonal` posts pick the month's awareness theme when there is one. */
export function postText(rng: Rng, inst: Institution, month: number, withLink: boolean): PostText {
  const link = withLink ? `https://${inst.domain}/${rng.chars(6, 'abcdefghijkmnpqrstuvwxyz23456789')}` : ''
  const ctx: Ctx = { rng, inst, month, link }
  const theme = AWARENESS[month]
  let parts: [string, string, string]
  if (theme && rng.chance(0.3)) {
    parts = [`It's ${theme[0]}. ${rng.pick(TIPS)}. ${theme[1]} ${link}`, theme[0], 'awareness']
  } else {
    const pool = rng.chance(0.55) ? BY_KIND[inst.kind] : GENERIC
    parts = rng.pick(pool)(ctx)
  }
  return { text: parts[0].trim().replace(/ {2,}/g, ' '), headline: parts[1], topic: parts[2] }
}

const VIDEO_TITLES: Record<InstitutionKind, string[]> = {
  hospital: [
    'A day in the life of our {r}',
    'What to expect: your first visit to {d}',
    'Ask the doctor: {d} questions answered',
    'Inside our new {d} unit',
    'Patient story: back home after {d} care'
  ],
  'clinic network': ['How to book a same-day appointment', 'Meet the team: {r}'],
  'medical-device maker': [
    '{p} - setup in 3 minutes',
    '{p}: alarm settings explained',
    'Webinar: safer infusion with the {p}',
    'Cleaning and care: {p}, step by step'
  ],
  'pharmacy chain': ['Ask your pharmacist: {d}']
}

export function videoTitle(rng: Rng, inst: Institution): string {
  return rng
    .pick(VIDEO_TITLES[inst.kind])
    .replace('{r}', rng.pick(ROLES))
    .replace('{d}', rng.pick(DEPARTMENTS))
    .replace('{p}', rng.pick(PRODUCTS))
}

/** Titles for YouTube Shorts (the caller appends "#shorts"). */
export function shortTitle(rng: Rng, inst: Institution): string {
  return rng.pick([
    `60 seconds with our ${rng.pick(ROLES)}`,
    `Quick tip: ${rng.pick(TIPS)}`,
    `${inst.town} in one minute`
  ])
}
