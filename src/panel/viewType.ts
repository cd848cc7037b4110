// Kept apart so activation can register the panel serializer without loading the panel.
export const TASK_PANEL_VIEW_TYPE = 'flexprice.taskPanel';
