import { buildBroadcastMessage, type CsMessage, postDeepLink } from "@loa-phuong/shared/client";
import { runtimeConfig } from "../../config";

export interface PreviewContent {
  title: string;
  summary: string | null;
  body: string;
  imageUrl: string | null;
}

/**
 * What a resident will see in Zalo: the OA message the broadcast sends, built by the same function
 * the server uses, as a chat bubble (plain text) or a card with a "Xem chi tiết" button (list).
 */
export function MessagePreview({ content, postId }: { content: PreviewContent; postId: string | null }) {
  const format = runtimeConfig.oaMessageFormat ?? "list_button";
  const link = postDeepLink(runtimeConfig.miniAppId || "mini-app", postId ?? "bai-moi", "xem-truoc");
  const message = buildBroadcastMessage(
    {
      title: content.title.trim() || "(Chưa có tiêu đề)",
      summary: content.summary,
      body: content.body.trim() || "(Chưa có nội dung)",
      imageUrl: content.imageUrl,
    },
    link,
    format,
  );
  return (
    <section className="oa-preview" aria-labelledby="oa-preview-heading">
      <h2 id="oa-preview-heading" className="section-title">
        Xem trước tin nhắn Zalo OA
      </h2>
      <div className="oa-chat">
        <p className="oa-sender">Official Account của phường</p>
        <MessageBody message={message} />
      </div>
    </section>
  );
}

function MessageBody({ message }: { message: CsMessage }) {
  if ("text" in message) return <p className="oa-bubble">{message.text}</p>;
  const { elements, buttons } = message.attachment.payload;
  const [first] = elements;
  return (
    <div className="oa-card">
      {first?.image_url && <img className="oa-card-image" src={first.image_url} alt="" />}
      <p className="oa-card-title">{first?.title}</p>
      {first?.subtitle && <p className="oa-card-subtitle">{first.subtitle}</p>}
      {(buttons ?? []).map((button) => (
        // A picture of Zalo's button, not a control: nothing happens when staff tap it here.
        <span key={button.title} className="oa-card-button">
          {button.title}
        </span>
      ))}
    </div>
  );
}
