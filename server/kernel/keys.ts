/** `_id`s of the binding_keys documents: one per bound WeChat OPENID and per bound phone. */
export const openidKey = (openid: string) => `openid-${openid}`
export const phoneKey = (phone: string) => `phone-${phone}`
