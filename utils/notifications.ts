import { withoutBidiControls } from './words';
import { newReplies, type SavedThread } from './db/saved-thread';
import { plural } from './words';

export const ALL_NEW_REPLIES = 'threadside:new-replies';

export interface NotificationText {
  id: string;
  title: string;
  message: string;
}

/**
 * What to announce after a check. Notifications can show on a locked screen: thread titles
 * (which can say a lot about someone's health) only when the reader chose to see them;
 * otherwise one line says how many saved threads have news.
 */
export function notificationsFor(threads: SavedThread[], showTitles: boolean): NotificationText[] {
  if (threads.length === 0) return [];
  if (!showTitles)
    return [
      {
        id: ALL_NEW_REPLIES,
        title: 'Threadside',
        message: `${plural(threads.length, 'saved thread has', 'saved threads have')} new replies`,
      },
    ];
  return threads.map((t) => ({
    id: `threadside:${t.origin} ${t.threadId}`,
    title: withoutBidiControls(t.title),
    message: plural(newReplies(t), 'new reply', 'new replies'),
  }));
}
