// Made-up names for demo data: common in England, none belonging to anyone in particular.
export const FORENAMES = [
  'Amelia', 'Olivia', 'Isla', 'Ava', 'Mia', 'Grace', 'Freya', 'Lily', 'Evie', 'Poppy', 'Sophie', 'Ruby', 'Chloe', 'Maya', 'Zara',
  'Aisha', 'Priya', 'Jessica', 'Ella', 'Holly', 'Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Oscar', 'Charlie', 'Jacob',
  'Alfie', 'Freddie', 'Thomas', 'Joshua', 'Ethan', 'Mohammed', 'Kai', 'Callum', 'Reuben', 'Tyler', 'Daniel', 'Kacper', 'Lena',
  'Tomasz', 'Sam', 'Alex', 'Jordan', 'Riley', 'Morgan', 'Harvey', 'Finley',
] as const;

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', 'Baker', 'Kowalski', 'Turner', 'Hill',
  'Cooper', 'Ward', 'Morris', 'King', 'Harris', 'Allen', 'Khan', 'Begum', 'Price', 'Fisher', 'Knight', 'Mason', 'Hunt', 'Nowak',
  "O'Brien", 'Palmer', 'Osei', 'Mensah', 'Ellis', 'Marsh', 'Dixon', 'Fletcher', 'Gill', 'Sandhu',
] as const;

export const EMPLOYER_STEMS: Record<string, readonly string[]> = {
  agriculture: ['Orchard Farm', 'Marsh Veterinary Practice', 'Weald Garden Centre'],
  business: ['Harbour Accountants', 'Medway Insurance Services', 'Kentish Business Hub'],
  care: ['Seaview Care Home', 'Riverside Dental Practice', 'Oakwood Pharmacy'],
  construction: ['Coastline Builders', 'Downs Electrical', 'Thameside Plumbing'],
  creative: ['Turner Design Studio', 'Garden of England Radio', 'Old Town Print Works'],
  digital: ['Estuary Digital', 'Channel IT Support', 'Pixel Harbour Software'],
  education: ['Little Acorns Nursery', 'Brightstart Day Nursery', 'Castle Learning Centre'],
  engineering: ['Southern Rail Engineering', 'Medway Precision Ltd', 'Port Marine Engineering'],
  'hair-beauty': ['Salon Seven', 'Harbourside Hair', 'Glow Beauty Rooms'],
  hospitality: ['Pier Hotel', 'The Hop Kiln Restaurant', 'Seafront Cafe'],
  legal: ['Kent Fire and Rescue Station', 'Castle Street Solicitors', 'Town Council Offices'],
  logistics: ['Port Logistics', 'Channel Freight', 'Garden County Haulage'],
  retail: ['High Street Books', 'Westwood Cross Store', 'County Cycles'],
  science: ['Discovery Park Labs', 'Estuary Water Testing', 'Coastal Research Centre'],
  sport: ['Leisure Centre', 'Cricket Club', 'Sailing Club'],
};
