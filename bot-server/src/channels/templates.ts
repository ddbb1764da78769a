/**
 * The templates a ward registers with Zalo, with the parameters each must declare (DEPLOY.md): Zalo
 * sends only approved templates, and refuses data that does not fill exactly their parameters.
 */
export const templateParams = {
  /** ZBS by UID and by phone: the post's title, a summary and the link to it in the Mini App. */
  zbs: ["title", "summary", "link"],
  /** Mini App notification (the names Zalo's notification templates use). */
  notification: ["title", "contentTitle", "contentDescription", "buttonText", "buttonUrl"],
} as const;

interface PostText {
  title: string;
  summary: string | null;
  body: string;
}

const cut = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
};

export function zbsTemplateData(post: PostText, link: string): Record<string, string> {
  return { title: cut(post.title, 100), summary: cut(post.summary ?? post.body, 200), link };
}

export function notificationTemplateData(
  post: PostText,
  link: string,
  wardName: string,
): Record<string, string> {
  return {
    title: cut(wardName, 60),
    contentTitle: cut(post.title, 100),
    contentDescription: cut(post.summary ?? post.body, 200),
    buttonText: "Xem chi tiết",
    buttonUrl: link,
  };
}
