// Apple Podcasts' categories and their subcategories, as Apple lists them. A show names one
// category and at most one of its subcategories; anything else would be refused by the directory.

/** Every category with its subcategories (empty when it has none). */
export const APPLE_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  Arts: ['Books', 'Design', 'Fashion & Beauty', 'Food', 'Performing Arts', 'Visual Arts'],
  Business: ['Careers', 'Entrepreneurship', 'Investing', 'Management', 'Marketing', 'Non-Profit'],
  Comedy: ['Comedy Interviews', 'Improv', 'Stand-Up'],
  Education: ['Courses', 'How To', 'Language Learning', 'Self-Improvement'],
  Fiction: ['Comedy Fiction', 'Drama', 'Science Fiction'],
  Government: [],
  History: [],
  'Health & Fitness': ['Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality'],
  'Kids & Family': ['Education for Kids', 'Parenting', 'Pets & Animals', 'Stories for Kids'],
  Leisure: [
    'Animation & Manga',
    'Automotive',
    'Aviation',
    'Crafts',
    'Games',
    'Hobbies',
    'Home & Garden',
    'Video Games',
  ],
  Music: ['Music Commentary', 'Music History', 'Music Interviews'],
  News: [
    'Business News',
    'Daily News',
    'Entertainment News',
    'News Commentary',
    'Politics',
    'Sports News',
    'Tech News',
  ],
  'Religion & Spirituality': ['Buddhism', 'Christianity', 'Hinduism', 'Islam', 'Judaism', 'Religion', 'Spirituality'],
  Science: [
    'Astronomy',
    'Chemistry',
    'Earth Sciences',
    'Life Sciences',
    'Mathematics',
    'Natural Sciences',
    'Nature',
    'Physics',
    'Social Sciences',
  ],
  'Society & Culture': ['Documentary', 'Personal Journals', 'Philosophy', 'Places & Travel', 'Relationships'],
  Sports: [
    'Baseball',
    'Basketball',
    'Cricket',
    'Fantasy Sports',
    'Football',
    'Golf',
    'Hockey',
    'Rugby',
    'Running',
    'Soccer',
    'Swimming',
    'Tennis',
    'Volleyball',
    'Wilderness',
    'Wrestling',
  ],
  Technology: [],
  'True Crime': [],
  'TV & Film': ['After Shows', 'Film History', 'Film Interviews', 'Film Reviews', 'TV Reviews'],
}

/** Why a category and subcategory pair is not Apple's, or undefined when it is. */
export function categoryProblem(category: string, subcategory: string | null): string | undefined {
  const subs = APPLE_CATEGORIES[category]
  if (!subs) return 'Choose one of Apple Podcasts’ categories.'
  if (subcategory !== null && !subs.includes(subcategory)) {
    return subs.length
      ? `“${subcategory.slice(0, 60)}” is not a subcategory of ${category}; choose one of its own or none.`
      : `${category} has no subcategories; choose none.`
  }
  return undefined
}

/** The choices for the form's select: "Category" and "Category › Subcategory", as `category|subcategory` values. */
export function categoryOptions(): { value: string; label: string }[] {
  return Object.entries(APPLE_CATEGORIES).flatMap(([category, subs]) => [
    { value: category, label: category },
    ...subs.map(sub => ({ value: `${category}|${sub}`, label: `${category} › ${sub}` })),
  ])
}
