/**
 * The tag holding a generated secret's length: the `Secrets` component sets it, the rotation function reads it.
 * Its own module so the component does not load the rotation function (and with it the AWS SDK client).
 */
export const LENGTH_TAG = "launch-ready:length";
