export { createSwatchbookApi } from './swatchbook-api';
export { dispatchApiCall, ApiInputError, UnknownMethodError, isApiMethod } from './dispatch';
