/**
 * The fictional institutions of the built-in sample. Names, places, handles, ids and web domains are
 * invented (domains use the reserved `.example` TLD); any resemblance to a real organisation is accidental.
 */

export type InstitutionKind = 'hospital' | 'clinic network' | 'medical-device maker' | 'pharmacy chain'
export type Platform = 'x' | 'facebook' | 'youtube'

/** How one account behaves on one platform over the period. */
export interface AccountProfile {
  handle: string
  /** Followers (or subscribers) on 2023-01-01. */
  startFollowers: number
  /** Net growth per year as a fraction (0.08 = +8 %/year). */
  yearlyGrowth: number
  /** Mean posts (videos) per week; actual weeks vary around it. */
  postsPerWeek: number
  /** Interactions per post per follower, before noise: the account's "engagement rate". */
  engagementRate: number
  /** Relative posting weight Monday..Sunday. */
  weekdays: readonly number[]
  /** Local hours (Eastern) the social team tends to post at. */
  hours: readonly number[]
  /** Scheduling tools post on the hour or half hour; humans post at odd minutes. */
  scheduledShare: number
  /** Silent stretches (ISO dates, inclusive), e.g. a vacant comms post. */
  gaps?: readonly (readonly [string, string])[]
}

export interface Institution {
  id: string
  name: string
  kind: InstitutionKind
  /** Chart colour, distinct across the eight. */
  colour: string
  town: string
  domain: string
  facebookId: string
  pageCategory: string
  pageCreated: string
  pageDescription: string
  accounts: Partial<Record<Platform, AccountProfile>>
}

const OFFICE = [1.2, 1.3, 1.3, 1.2, 1.0, 0.25, 0.15] as const
const EVERYDAY = [1.0, 1.0, 1.1, 1.0, 1.0, 0.7, 0.6] as const
const RETAIL = [0.9, 0.9, 1.0, 1.1, 1.3, 1.0, 0.5] as const

export const INSTITUTIONS: readonly Institution[] = [
  {
    id: 'quillmere',
    name: 'Quillmere General Hospital',
    kind: 'hospital',
    colour: '#1f77b4',
    town: 'Quillmere',
    domain: 'quillmere-general.example',
    facebookId: '100070000000101',
    pageCategory: 'HOSPITAL',
    pageCreated: '2011-03-14 10:22:31',
    pageDescription:
      'Quillmere General Hospital: emergency, surgical and maternity care for the Quillmere valley since 1921.\nSYNTHETIC sample page - not a real hospital.',
    accounts: {
      x: {
        handle: 'QuillmereGH',
        startFollowers: 12_400,
        yearlyGrowth: 0.09,
        postsPerWeek: 2.0,
        engagementRate: 0.0032,
        weekdays: OFFICE,
        hours: [9, 10, 11, 13, 15],
        scheduledShare: 0.7
      },
      facebook: {
        handle: 'QuillmereGeneral',
        startFollowers: 38_000,
        yearlyGrowth: 0.06,
        postsPerWeek: 1.6,
        engagementRate: 0.0045,
        weekdays: OFFICE,
        hours: [8, 10, 12, 17],
        scheduledShare: 0.7
      }
    }
  },
  {
    id: 'aurelia',
    name: "St. Aurelia Children's Hospital",
    kind: 'hospital',
    colour: '#e377c2',
    town: 'Brackenford',
    domain: 'staurelia-kids.example',
    facebookId: '100070000000202',
    pageCategory: 'HOSPITAL',
    pageCreated: '2010-09-02 14:05:10',
    pageDescription:
      "St. Aurelia Children's Hospital cares for kids and families across Brackenford county.\nSYNTHETIC sample page - not a real hospital.",
    accounts: {
      x: {
        handle: 'StAureliaKids',
        startFollowers: 8_900,
        yearlyGrowth: 0.14,
        postsPerWeek: 1.6,
        engagementRate: 0.0055,
        weekdays: EVERYDAY,
        hours: [8, 12, 16, 19],
        scheduledShare: 0.5
      },
      facebook: {
        handle: 'StAureliaChildrens',
        startFollowers: 61_000,
        yearlyGrowth: 0.11,
        postsPerWeek: 2.0,
        engagementRate: 0.0085,
        weekdays: EVERYDAY,
        hours: [9, 12, 18, 20],
        scheduledShare: 0.5
      },
      youtube: {
        handle: 'StAureliaKids',
        startFollowers: 5_400,
        yearlyGrowth: 0.16,
        postsPerWeek: 0.45,
        engagementRate: 0.02,
        weekdays: EVERYDAY,
        hours: [10, 15],
        scheduledShare: 0.9
      }
    }
  },
  {
    id: 'halvern',
    name: 'Halvern University Medical Center',
    kind: 'hospital',
    colour: '#2ca02c',
    town: 'Halvern',
    domain: 'halvern-umc.example',
    facebookId: '100070000000303',
    pageCategory: 'HOSPITAL',
    pageCreated: '2009-05-27 09:41:58',
    pageDescription:
      'Academic medical center of the (fictional) University of Halvern: care, research, teaching.\nSYNTHETIC sample page.',
    accounts: {
      x: {
        handle: 'HalvernUMC',
        startFollowers: 27_500,
        yearlyGrowth: 0.07,
        postsPerWeek: 2.8,
        engagementRate: 0.0021,
        weekdays: OFFICE,
        hours: [9, 11, 14, 16],
        scheduledShare: 0.8
      },
      facebook: {
        handle: 'HalvernUMC',
        startFollowers: 44_000,
        yearlyGrowth: 0.05,
        postsPerWeek: 1.2,
        engagementRate: 0.0035,
        weekdays: OFFICE,
        hours: [9, 13, 16],
        scheduledShare: 0.8
      },
      youtube: {
        handle: 'HalvernUMC',
        startFollowers: 12_800,
        yearlyGrowth: 0.09,
        postsPerWeek: 0.7,
        engagementRate: 0.015,
        weekdays: OFFICE,
        hours: [11, 14],
        scheduledShare: 0.95
      }
    }
  },
  {
    id: 'laketessaly',
    name: 'Lake Tessaly Community Hospital',
    kind: 'hospital',
    colour: '#17becf',
    town: 'Lake Tessaly',
    domain: 'laketessaly-hospital.example',
    facebookId: '100070000000404',
    pageCategory: 'HOSPITAL',
    pageCreated: '2013-01-08 16:30:00',
    pageDescription: 'Your community hospital on the shore of Lake Tessaly. SYNTHETIC sample page.',
    accounts: {
      facebook: {
        handle: 'LakeTessalyHospital',
        startFollowers: 6_200,
        yearlyGrowth: 0.08,
        postsPerWeek: 1.0,
        engagementRate: 0.012,
        weekdays: EVERYDAY,
        hours: [7, 12, 19],
        scheduledShare: 0.2,
        gaps: [['2024-06-10', '2024-07-21']]
      }
    }
  },
  {
    id: 'corvale',
    name: 'Corvale Clinic Network',
    kind: 'clinic network',
    colour: '#ff7f0e',
    town: 'Corvale',
    domain: 'corvale-clinics.example',
    facebookId: '100070000000505',
    pageCategory: 'MEDICAL_AND_HEALTH',
    pageCreated: '2016-04-19 11:12:45',
    pageDescription: 'Corvale Clinic Network: 14 walk-in and family-medicine clinics. SYNTHETIC sample page.',
    accounts: {
      x: {
        handle: 'CorvaleClinics',
        startFollowers: 3_400,
        yearlyGrowth: 0.18,
        postsPerWeek: 1.1,
        engagementRate: 0.0045,
        weekdays: OFFICE,
        hours: [8, 12, 17],
        scheduledShare: 0.4,
        gaps: [['2023-08-07', '2023-09-24']]
      },
      facebook: {
        handle: 'CorvaleClinics',
        startFollowers: 9_800,
        yearlyGrowth: 0.2,
        postsPerWeek: 0.9,
        engagementRate: 0.007,
        weekdays: OFFICE,
        hours: [8, 12, 17],
        scheduledShare: 0.4
      }
    }
  },
  {
    id: 'veltrix',
    name: 'Veltrix Medical Devices',
    kind: 'medical-device maker',
    colour: '#7f7f7f',
    town: 'Ostley Park',
    domain: 'veltrix-meddevices.example',
    facebookId: '100070000000606',
    pageCategory: 'MEDICAL_COMPANY',
    pageCreated: '2014-10-30 08:00:00',
    pageDescription: 'Veltrix designs patient monitors and infusion systems. SYNTHETIC sample page.',
    accounts: {
      x: {
        handle: 'VeltrixMed',
        startFollowers: 15_200,
        yearlyGrowth: 0.04,
        postsPerWeek: 0.9,
        engagementRate: 0.0016,
        weekdays: OFFICE,
        hours: [10, 14],
        scheduledShare: 0.95
      },
      youtube: {
        handle: 'VeltrixMedical',
        startFollowers: 7_900,
        yearlyGrowth: 0.05,
        postsPerWeek: 0.3,
        engagementRate: 0.01,
        weekdays: OFFICE,
        hours: [10, 15],
        scheduledShare: 1,
        gaps: [['2024-11-01', '2025-02-28']]
      }
    }
  },
  {
    id: 'fernhollow',
    name: 'Fernhollow Pharmacy',
    kind: 'pharmacy chain',
    colour: '#8c564b',
    town: 'Fernhollow',
    domain: 'fernhollow-pharmacy.example',
    facebookId: '100070000000707',
    pageCategory: 'PHARMACY_DRUGSTORE',
    pageCreated: '2012-07-03 13:20:05',
    pageDescription:
      'Fernhollow Pharmacy: 38 neighbourhood pharmacies, flu shots and prescriptions. SYNTHETIC sample page.',
    accounts: {
      facebook: {
        handle: 'FernhollowPharmacy',
        startFollowers: 22_500,
        yearlyGrowth: 0.09,
        postsPerWeek: 1.5,
        engagementRate: 0.004,
        weekdays: RETAIL,
        hours: [8, 11, 15, 18],
        scheduledShare: 0.85
      }
    }
  },
  {
    id: 'caldremont',
    name: 'Caldremont Heart Institute',
    kind: 'hospital',
    colour: '#d62728',
    town: 'Caldremont',
    domain: 'caldremont-heart.example',
    facebookId: '100070000000808',
    pageCategory: 'HOSPITAL',
    pageCreated: '2015-02-14 10:00:00',
    pageDescription: 'Caldremont Heart Institute: cardiology and cardiac surgery. SYNTHETIC sample page.',
    accounts: {
      x: {
        handle: 'CaldremontHeart',
        startFollowers: 5_600,
        yearlyGrowth: 0.1,
        postsPerWeek: 0.8,
        engagementRate: 0.004,
        weekdays: OFFICE,
        hours: [9, 12, 15],
        scheduledShare: 0.6
      }
    }
  }
]
