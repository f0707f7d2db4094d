/** Known news agencies and outlets (as written; matched case-sensitively on word boundaries). */
export const KNOWN_OUTLETS: readonly string[] = [
  'TASS', 'ITAR-TASS', 'RIA Novosti', 'RIA', 'Interfax', 'Interfax-Ukraine', 'Sputnik', 'RT', 'Reuters',
  'Associated Press', 'AP', 'Agence France-Presse', 'Agence France Presse', 'AFP', 'Bloomberg', 'Bloomberg News',
  'BBC', 'BBC News', 'CNN', 'CNBC', 'NBC', 'NBC News', 'ABC', 'ABC News', 'CBS', 'CBS News', 'Fox News', 'NPR',
  'PBS', 'MSNBC', 'Al Jazeera', 'Xinhua', 'dpa', 'DPA', 'ANSA', 'EFE', 'Kyodo', 'Kyodo News', 'Yonhap', 'PTI',
  'Press Trust of India', 'IANS', 'ANI', 'UNIAN', 'Ukrinform', 'Anadolu', 'Anadolu Agency', 'IRNA', 'WAFA',
  'KCNA', 'Kommersant', 'Izvestia', 'Vedomosti', 'Meduza', 'Le Monde', 'Le Figaro', 'Der Spiegel', 'Spiegel',
  'Die Zeit', 'El País', 'Corriere della Sera', 'La Repubblica', 'Haaretz', 'Politico', 'Axios', 'Breitbart',
  'HuffPost', 'Huffington Post', 'Vox', 'Slate', 'BuzzFeed News', 'Vice News', 'The Guardian', 'Guardian',
  'The Independent', 'Financial Times', 'The Economist', 'Wall Street Journal', 'The Wall Street Journal',
  'New York Times', 'The New York Times', 'Washington Post', 'The Washington Post', 'USA Today', 'Los Angeles Times',
  'The Atlantic', 'The Hill', 'Newsweek', 'Time', 'Forbes', 'Sky News', 'ITV News', 'Channel 4 News',
  'Deutsche Welle', 'DW', 'France 24', 'Euronews', 'RFE/RL', 'Radio Free Europe', 'Voice of America', 'VOA',
  'Kyiv Independent', 'Moscow Times', 'South China Morning Post', 'Nikkei', 'Asahi Shimbun', 'Yomiuri Shimbun',
  'Times of India', 'Hindustan Times', 'Straits Times', 'ABC Australia', 'CBC', 'CBC News', 'Globe and Mail',
];

/** Last words that make a capitalised name an outlet ("Harbor Wire Service", "Valley Courier"). */
export const OUTLET_HEADS: ReadonlySet<string> = new Set([
  'Wire', 'News', 'Agency', 'Press', 'Times', 'Post', 'Daily', 'Herald', 'Journal', 'Gazette', 'Tribune',
  'Telegraph', 'Radio', 'TV', 'Television', 'Courier', 'Ledger', 'Chronicle', 'Observer', 'Mirror',
  'Express', 'Star', 'Sun', 'Record', 'Register', 'Bulletin', 'Review', 'Report', 'Reporter', 'Examiner',
  'Inquirer', 'Dispatch', 'Independent', 'Standard', 'Monitor', 'Network', 'Broadcasting', 'Newswire',
  'Wire Service', 'News Service', 'Press Service', 'Information Service', 'Magazine', 'Weekly', 'Online', 'Media', 'Channel',
]);
