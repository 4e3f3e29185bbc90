/**
 * The measurement engine (metrics contract): `analyseDelivery` derives deployments, changes, failures and
 * incidents from the whole history; `summarise` gives one group's figures over a window; the `list…`
 * functions give the rows behind them.
 */
export { analyseDelivery, analyseDeployments, measureIncidents } from './analyseDelivery.js';
export {
  type Band,
  type BandValue,
  changeFailureBand,
  changeFailureLabels,
  deploymentFrequencyBand,
  deploymentFrequencyLabels,
  durationBand,
  durationLabels,
} from './bands.js';
export type { CalendarDay, Window, WindowCalendar } from './calendar.js';
export { startOfLocalDate, windowCalendar } from './calendar.js';
export type {
  CarriedChanges,
  CarryRule,
  CauseServices,
  DeliveryModel,
  DeployedHistory,
  DeploymentColumns,
  DeploymentNames,
  EventRef,
  FailureReason,
  IncidentRecord,
  LogicalDeployment,
  MeasuredHistory,
  Range,
  ReworkReason,
  ServiceIndex,
  WholeHistory,
} from './deliveryModel.js';
export {
  type DeploymentFrequency,
  deploymentFrequency,
  deploymentFrequencyValue,
} from './deploymentFrequency.js';
export { type DrillDownScope, drillDownScope, incidentKey } from './drillDownScope.js';
export { decodeServiceFacts, type EncodedFacts, encodeServiceFacts } from './factsCodec.js';
export type {
  GroupMetrics,
  MetricName,
  MissingMetric,
  MissingReason,
  OpenIncident,
  UnrecoveredDeployment,
} from './groupMetrics.js';
export { decodeHistory, type EncodedHistory, encodeHistory } from './historyCodec.js';
export { type LeadTime, leadTime, leadTimeStartOf } from './leadTime.js';
export { type ChangeRow, listChanges } from './listChanges.js';
export { type DeploymentRow, listDeployments } from './listDeployments.js';
export { type IncidentRow, listIncidents } from './listIncidents.js';
export {
  isLowConfidence,
  isLowConfidenceSample,
  lowConfidenceThresholds,
  type SampleKind,
  sampleOf,
} from './lowConfidence.js';
export {
  defaultMeasureConfig,
  isProductionEnvironment,
  type LeadTimeStart,
  type MeasureConfig,
  type MeasuredService,
} from './measureConfig.js';
export { always, type Member } from './selectGroup.js';
export {
  type AssembledHistory,
  assembleHistory,
  type ChangeScope,
  changeScopeOf,
  emptyServiceFacts,
  factMark,
  type ServiceFacts,
  type ServiceNames,
  serviceFactsOf,
} from './serviceFacts.js';
export { type DurationStats, durationStats, mean, median, p90, round4 } from './statistics.js';
export { type SummariseOptions, summarise } from './summarise.js';
