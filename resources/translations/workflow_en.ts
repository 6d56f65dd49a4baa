<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LineageModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/lineage_model.py" line="109"/>
        <source>(+%n reseed(s))</source>
        <translation>
            <numerusform>(+%n reseed)</numerusform>
            <numerusform>(+%n reseeds)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/new_project_dialog.py" line="83"/>
        <source>Sizes: %1 · %n preset(s)</source>
        <translation>
            <numerusform>Sizes: %1 · %n preset</numerusform>
            <numerusform>Sizes: %1 · %n presets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectImagesView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/images_page.py" line="153"/>
        <source>Showing the %n image(s) of one step</source>
        <translation>
            <numerusform>Showing the %n image of one step</numerusform>
            <numerusform>Showing the %n images of one step</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/images_page.py" line="189"/>
        <source>%n image(s) selected</source>
        <translation>
            <numerusform>%n image selected</numerusform>
            <numerusform>%n images selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectOverviewView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/overview_page.py" line="134"/>
        <source>%1 images in %n batch(es)</source>
        <translation>
            <numerusform>%1 images in %n batch</numerusform>
            <numerusform>%1 images in %n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/overview_page.py" line="144"/>
        <source>%1 / 100 over %2 images · %n outlier(s)</source>
        <translation>
            <numerusform>%1 / 100 over %2 images · %n outlier</numerusform>
            <numerusform>%1 / 100 over %2 images · %n outliers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkflowActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="103"/>
        <source>Queued %n job(s); the results appear here and are checked as they arrive.</source>
        <translation>
            <numerusform>Queued %n job; the results appear here and are checked as they arrive.</numerusform>
            <numerusform>Queued %n jobs; the results appear here and are checked as they arrive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="108"/>
        <source>Queued %n variant(s) %1.</source>
        <translation>
            <numerusform>Queued %n variant %1.</numerusform>
            <numerusform>Queued %n variants %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="120"/>
        <source>Consistency %1 / 100; %n outlier(s).</source>
        <translation>
            <numerusform>Consistency %1 / 100; %n outlier.</numerusform>
            <numerusform>Consistency %1 / 100; %n outliers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="139"/>
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="145"/>
        <source>Checked %n image(s).</source>
        <translation>
            <numerusform>Checked %n image.</numerusform>
            <numerusform>Checked %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="159"/>
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="173"/>
        <source>Imported %n preset(s).</source>
        <translation>
            <numerusform>Imported %n preset.</numerusform>
            <numerusform>Imported %n presets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workflow/workflow_actions.py" line="180"/>
        <source>Wrote %n preset(s).</source>
        <translation>
            <numerusform>Wrote %n preset.</numerusform>
            <numerusform>Wrote %n presets.</numerusform>
        </translation>
    </message>
</context>
</TS>
