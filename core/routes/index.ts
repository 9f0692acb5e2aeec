export { accessText, isTenantScoped, lowerRoles, parseAccess, roleSatisfies, type Access, type AccessParse } from "./access";
export { inventoryGaps, type InventoryGap, type InventoryNeeds } from "./completeness";
export { routeLabel, routesOfKind, type RouteInventorySpec, type RouteSpec } from "./inventory";
export { expandTemplate, matchTemplate, parseTemplate, type PathTemplate, type Segment, type TemplateParse } from "./template";
export { isStateChanging, ROUTE_KINDS, ROUTE_METHODS, type RouteKind, type RouteMethod } from "./vocabulary";
