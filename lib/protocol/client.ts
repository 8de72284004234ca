import { browser } from 'wxt/browser';
import { type MessageType, PROTOCOL, type ReplyOf, type RequestOf, unwrapReply } from './messages';

/** A request's fields without its `type`. */
export type Body<T extends MessageType> = Omit<RequestOf<T>, 'type'>;

/** Sends a request to the background and returns its validated reply (throws on an error reply). */
export async function sendToBackground<T extends MessageType>(type: T, body: Body<T>): Promise<ReplyOf<T>> {
  const request = PROTOCOL[type].request.parse({ ...body, type });
  return unwrapReply(type, await browser.runtime.sendMessage(request));
}
